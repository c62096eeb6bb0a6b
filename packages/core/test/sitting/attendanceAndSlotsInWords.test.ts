import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { AttendanceEntry, SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import type { SittingEvent } from "../../src/sitting/SittingEvents.js"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import { ChildId, PanelId, PersonId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

const staff = staffOf("care-planning")
const cpr = deciderSpec(sittingDecider, contextOf("care-planning"))
const monday = london("2027-06-07", "09:00")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = monday) =>
  ({ ...body, by: as(staff[actor]), at: when }) as SittingCommand

/** The care planning panel's sitting on Wed 9 Jun 2027, 09:30 to 13:00, or at other hours when given. */
const scheduled = (hours?: { readonly start: string; readonly end: string }): SittingEvent[] =>
  cpr.play([
    cmd("administrator", {
      _tag: "ScheduleSitting",
      sittingId: SittingId.make("sit_1"),
      panelId: PanelId.make("care-planning-and-resources"),
      date: "2027-06-09" as LocalDate,
      ...(hours === undefined ? {} : { hours })
    })
  ])

const lee = { personId: PersonId.make("lee-marston"), name: "Lee Marston", seat: "Finance Accountant", membership: "standing" as const }
const attendance = (entry: Record<string, unknown>, when = monday) => cmd("administrator", { _tag: "RecordAttendance", entry }, when)
/** The sitting's morning, as members arrive (it starts at 09:30). */
const onTheDay = london("2027-06-09", "09:15")

/** Knowsley's Circle of Support sitting on Thu 10 Jun 2027 (KNO-2: non-standing members confirm 3 days before). */
const knowsley = deciderSpec(sittingDecider, contextOf("knowsley"))
const knowsleyAdministrator = as(staffOf("knowsley").administrator)
const knowsleySitting = knowsley.play([
  { _tag: "ScheduleSitting", sittingId: SittingId.make("k1"), panelId: PanelId.make("circle-of-support"), date: "2027-06-10" as LocalDate, by: knowsleyAdministrator, at: monday }
])
const knowsleyAttendance = (entry: AttendanceEntry, at: typeof monday) =>
  ({ _tag: "RecordAttendance", entry, by: knowsleyAdministrator, at }) as SittingCommand

describe("attendance and agenda slots, as the administrator sees them (CPR-2, CPR-3, KNO-2)", () => {
  it("CPR-3: given a deputy, when the member they stand in for is only spaces, then the deputy is refused as naming nobody", () => {
    const refusal = cpr.given(scheduled()).when(attendance({ ...lee, status: "deputy", standsInFor: "   " })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyMustNameSeat", ruleId: "CPR-3" })
  })

  it("given Lee Marston sent apologies, when they arrive and are recorded present, then the attendance lists them once, present", () => {
    const apologies = cpr.play([attendance({ ...lee, status: "apologies" })], scheduled())
    const state = cpr.given(apologies).when(attendance({ ...lee, status: "present" }, onTheDay)).state()
    expect(state?.attendance.map((entry) => [entry.name, entry.status])).toEqual([["Lee Marston", "present"]])
  })

  it("KNO-2: given a standing member, when they confirm the day before, then the confirmation is not marked late (only non-standing members have a deadline)", () => {
    const dayBefore = london("2027-06-09", "10:00")
    const confirmed = knowsley.given(knowsleySitting).when(knowsleyAttendance({ ...lee, seat: "Health", status: "confirmed" }, dayBefore)).state()
    expect(confirmed?.attendance[0]).not.toHaveProperty("confirmedLate")
  })

  it("given an authority whose panel lets observers attend without the chair's agreement, when an observer is recorded, then they are on the attendance", () => {
    const context = contextOf("care-planning")
    const [panel] = context.policy.panels
    const open: AuthorityContext = { ...context, policy: { ...context.policy, panels: [{ ...panel, observersNeedChairAgreement: false }] } }
    const state = deciderSpec(sittingDecider, open).given(scheduled()).when(attendance({ ...lee, membership: "observer", status: "observer" })).state()
    expect(state?.attendance.map((entry) => [entry.name, entry.status])).toEqual([["Lee Marston", "observer"]])
  })

  it("CPR-2: given an extra sitting of 20 minutes, when two children are put on it, then the refusal says only 1 child fits", () => {
    const entries = [1, 2].map((n) => ({
      referralId: ReferralId.make(`ref_${n}`),
      childIds: [ChildId.make(`child-${n}`)],
      kind: "request",
      summary: `Placement request ${n}`
    }))
    const refusal = cpr.given(scheduled({ start: "15:00", end: "15:20" })).when(cmd("administrator", { _tag: "BuildAgenda", entries })).refusal()
    expect(refusal).toMatchObject({ _tag: "AgendaFull", capacity: 1, requested: 2 })
    expect(refusal.message).toBe("Only 1 child fits in this sitting at 15 minutes each (CPR-2); 2 were asked for. Move some to the next sitting.")
  })

  it("CPR-2: given the care planning panel's 09:30-13:00 sitting, when 14 children are put on it, then all fit at 15 minutes each", () => {
    const entries = Array.from({ length: 14 }, (_, n) => ({
      referralId: ReferralId.make(`ref_${n}`),
      childIds: [ChildId.make(`child-${n}`)],
      kind: "request",
      summary: `Placement request ${n}`
    }))
    const state = cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries })).state()
    expect(state?.agenda).toHaveLength(14)
  })

  it("KNO-2: given a non-standing member, when they are recorded present rather than confirming ahead, then no lateness is judged", () => {
    const onTheDay = london("2027-06-10", "09:00")
    const present = knowsley.given(knowsleySitting).when(knowsleyAttendance({ ...lee, membership: "non_standing", status: "present" }, onTheDay)).state()
    expect(present?.attendance[0]).not.toHaveProperty("confirmedLate")
  })

  it("given a panel with no deadline for confirming attendance, when a non-standing member confirms on the day, then the confirmation is recorded and not judged late", () => {
    const confirmed = cpr
      .given(scheduled())
      .when(cmd("administrator", { _tag: "RecordAttendance", entry: { ...lee, membership: "non_standing", status: "confirmed" } }, london("2027-06-09", "08:00")))
      .state()
    expect(confirmed?.attendance.map((entry) => [entry.name, entry.status])).toEqual([["Lee Marston", "confirmed"]])
    expect(confirmed?.attendance[0]).not.toHaveProperty("confirmedLate")
  })

  it("given the sitting is on Wednesday, when on Monday a member is recorded present or the chair says enough members are present, then each is refused as not yet possible", () => {
    expect(cpr.given(scheduled()).when(attendance({ ...lee, status: "present" })).refusal()).toMatchObject({
      _tag: "SittingNotInState",
      message: "Lee Marston can be recorded as present on the day of the sitting (Wed 9 Jun 2027); until then, record that they confirmed they will come."
    })
    expect(cpr.given(scheduled()).when(cmd("chair", { _tag: "ConfirmQuorum", enough: true, note: "All here" })).refusal().message).toBe(
      "The chair decides whether enough members are present on the day of the sitting (Wed 9 Jun 2027), not before."
    )
    expect(cpr.given(scheduled()).when(attendance({ ...lee, status: "confirmed" })).state()?.attendance[0]?.status).toBe("confirmed")
    expect(cpr.given(scheduled()).when(cmd("chair", { _tag: "ConfirmQuorum", enough: true, note: "All here" }, onTheDay)).state()?.quorum?.enough).toBe(true)
  })

  it("given no sitting under that id, when the administrator records attendance on it, then the refusal says there is no such sitting", () => {
    expect(cpr.given([]).when(attendance({ ...lee, status: "present" })).refusal()).toMatchObject({ _tag: "NoSuchRecord", message: "There is no such sitting." })
  })

  it("given the sitting has started, when it is cancelled or its agenda changed, then each refusal says what cannot be done and since when", () => {
    const started = london("2027-06-09", "09:30")
    expect(cpr.given(scheduled()).when(cmd("chair", { _tag: "CancelSitting", reason: "Chair unwell" }, started)).refusal().message).toBe(
      "You cannot cancel it: the sitting on Wed 9 Jun 2027 has started."
    )
    expect(cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries: [] }, started)).refusal().message).toBe(
      "You cannot change the agenda: the sitting on Wed 9 Jun 2027 has started."
    )
  })
})
