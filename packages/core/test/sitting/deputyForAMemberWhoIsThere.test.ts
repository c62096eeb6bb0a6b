import { describe, expect, it } from "@effect/vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { PanelId, PersonId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, london } from "../fixtures.js"

const carePlanning = preset("care-planning")
/** Care Planning as an authority that sets a quorum of three (CPR-3 leaves it to the authority). */
const withMinimum = {
  ...carePlanning,
  panels: [{ ...carePlanning.panels[0], quorum: { _tag: "Minimum" as const, members: 3, ruleId: "CPR-3" as const } }] as const
}
const staff = staffOf("care-planning")
const at = london("2027-06-09", "09:35")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at }) as SittingCommand
const attend = (id: string, name: string, seat: string, status: "present" | "deputy", standsInFor?: string) =>
  cmd("administrator", {
    _tag: "RecordAttendance",
    entry: { personId: PersonId.make(id), name, seat, membership: "standing", status, ...(standsInFor === undefined ? {} : { standsInFor }) }
  })

describe("a deputy for a member who is there", () => {
  /**
   * CPR-3: members arrange cover when they are absent. Here Jo Pellow is recorded present and Kit Aldous is also
   * recorded as her deputy: before, the seat counted twice, and a sitting of two seats was found quorate against a
   * minimum of three. A deputy standing in for a member recorded present (by the name recorded) now adds nothing.
   */
  it("CPR-3: a deputy standing in for a member recorded present does not make a third member; one for a member who is away does", () => {
    const spec = deciderSpec(sittingDecider, { policy: withMinimum, calendar: englandAndWales })
    const history = spec.play([
      {
        _tag: "ScheduleSitting",
        sittingId: SittingId.make("sit_1"),
        panelId: PanelId.make("care-planning-and-resources"),
        date: "2027-06-09",
        by: as(staff.administrator),
        at: london("2027-06-01", "09:00")
      } as SittingCommand,
      attend("jo-pellow", "Jo Pellow", "Head of Care Services", "present"),
      attend("ben-morrow", "Ben Morrow", "IRO", "present"),
      attend("kit-aldous", "Kit Aldous", "Head of Care Services", "deputy", " jo pellow ")
    ])
    const refusal = spec.given(history).when(cmd("chair", { _tag: "ConfirmQuorum", enough: true, note: "Checked at the start" })).refusal()
    expect(refusal).toMatchObject({ _tag: "QuorumNotMet", ruleId: "CPR-3", present: 2, needed: 3 })
    const away = spec.play([attend("ada-finch", "Ada Finch", "Service Manager", "deputy", "Ada Quill")], history)
    expect(spec.given(away).when(cmd("chair", { _tag: "ConfirmQuorum", enough: true, note: "Checked at the start" })).events()).toMatchObject([{ _tag: "QuorumConfirmed" }])
  })
})
