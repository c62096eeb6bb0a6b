import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Either } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { AttendanceStatus } from "../../src/sitting/SittingEvents.js"
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
const spec = deciderSpec(sittingDecider, { policy: withMinimum, calendar: englandAndWales })
const staff = staffOf("care-planning")
const at = london("2027-06-09", "09:35")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at }) as SittingCommand

const scheduled = spec.play([
  {
    _tag: "ScheduleSitting",
    sittingId: SittingId.make("sit_1"),
    panelId: PanelId.make("care-planning-and-resources"),
    date: "2027-06-09",
    by: as(staff.administrator),
    at: london("2027-06-01", "09:00")
  } as SittingCommand
])
const attending = (statuses: ReadonlyArray<AttendanceStatus>) =>
  spec.play(
    statuses.map((status, i) =>
      cmd("administrator", {
        _tag: "RecordAttendance",
        entry: {
          personId: PersonId.make(`member-${i}`),
          name: `Member ${i}`,
          seat: `Seat ${i}`,
          membership: status === "observer" ? "observer" : "standing",
          status,
          ...(status === "deputy" ? { standsInFor: `Seat holder ${i}` } : {}),
          ...(status === "observer" ? { chairAgreed: true } : {})
        }
      })
    ),
    scheduled
  )
const confirm = (enough: boolean) => cmd("chair", { _tag: "ConfirmQuorum", enough, note: "Checked at the start" })

describe("quorum", () => {
  it("CPR-3: with a minimum of three, the chair cannot record enough members when two are present and one observes", () => {
    const refusal = spec.given(attending(["present", "deputy", "observer", "apologies"])).when(confirm(true)).refusal()
    expect(refusal).toMatchObject({ _tag: "QuorumNotMet", ruleId: "CPR-3", present: 2, needed: 3 })
    expect(refusal.message).toBe(
      "Only 2 members are recorded as present (a deputy counts for a member who is not there; observers do not); this panel needs 3 to be quorate (CPR-3). " +
        "Record who is present, or record that there are not enough members."
    )
  })

  it("CPR-3: members present and deputies standing in make the quorum; the chair may always record too few", () => {
    const history = attending(["present", "present", "deputy"])
    expect(spec.given(history).when(confirm(true)).state()?.quorum).toMatchObject({ enough: true })
    expect(spec.given(scheduled).when(confirm(false)).state()?.quorum).toMatchObject({ enough: false })
    expect(spec.given(scheduled).when(confirm(true)).refusal().message).toMatch(/^No members are recorded as present/)
    expect(spec.given(attending(["present"])).when(confirm(true)).refusal().message).toMatch(/^Only 1 member is recorded as present/)
  })

  it("NSO-1: with no quorum the chair's word decides, whatever attendance is recorded", () => {
    const chairDecides = deciderSpec(sittingDecider, { policy: carePlanning, calendar: englandAndWales })
    expect(chairDecides.given(scheduled).when(confirm(true)).state()?.quorum).toMatchObject({ enough: true })
  })

  test.prop([fc.array(fc.constantFrom<AttendanceStatus>("present", "apologies", "deputy", "observer", "confirmed"), { maxLength: 8 })])(
    "CPR-3: enough members is accepted exactly when those present and deputising reach the minimum",
    (statuses) => {
      const outcome = Either.try(() => spec.given(attending(statuses)).when(confirm(true)).events())
      const counted = statuses.filter((status) => status === "present" || status === "deputy").length
      expect(Either.isRight(outcome)).toBe(counted >= 3)
    }
  )
})
