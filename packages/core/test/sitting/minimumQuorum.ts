import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { PanelId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, london } from "../fixtures.js"

const carePlanning = preset("care-planning")
/**
 * Care Planning as an authority whose policy sets a quorum of `members`. Its terms of reference set no number (CPR-3 only
 * asks members to arrange cover), so the number is the authority's, cited as Carepanel's DEF-QUORUM-MINIMUM.
 */
export const withMinimum = (members: number) => ({
  ...carePlanning,
  panels: [{ ...carePlanning.panels[0], quorum: { _tag: "Minimum" as const, members, ruleId: "DEF-QUORUM-MINIMUM" as const } }] as const
})
export const minimumSpec = (members: number) => deciderSpec(sittingDecider, { policy: withMinimum(members), calendar: englandAndWales })

export const staff = staffOf("care-planning")
/** Five minutes into the sitting of Wednesday 9 June 2027. */
export const at = london("2027-06-09", "09:35")
export const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at }) as SittingCommand
export const confirm = (enough: boolean) => cmd("chair", { _tag: "ConfirmQuorum", enough, note: "Checked at the start" })

/** The Care Planning sitting of Wednesday 9 June 2027, scheduled the week before. */
export const schedule: SittingCommand = {
  _tag: "ScheduleSitting",
  sittingId: SittingId.make("sit_1"),
  panelId: PanelId.make("care-planning-and-resources"),
  date: "2027-06-09",
  by: as(staff.administrator),
  at: london("2027-06-01", "09:00")
} as SittingCommand
