import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime, Schema } from "effect"
import fc from "fast-check"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import { PanelId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import { as, contextOf, london } from "../fixtures.js"
import { agendaOf, at, attendanceAnswer, knowsleyNonStanding, type Staff, sittingOf } from "./fixtures.js"

// KNO-2: non-standing members confirm to the administrator, 3 days before the sitting, whether they attend.
// Knowsley's Circle of Support Group sits on Thu 10 Jun 2027 at 10:00; the answers are due 17:00 Mon 7 Jun 2027.

const knowsley = presetInputs.knowsley
const circle = knowsley.panels[0]!

/** Knowsley with other panels, decoded as the authority's policy would be. */
const knowsleyWith = (panels: ReadonlyArray<unknown>): AuthorityContext => ({
  ...contextOf("knowsley"),
  policy: Schema.decodeUnknownSync(AuthorityPolicy)({ ...knowsley, panels })
})

const sittingWith = (commands: (staff: Staff) => SittingCommand[]) =>
  sittingOf("knowsley", "circle-of-support", "k1", "2027-06-10", (staff) => [agendaOf(staff, "child-1"), ...commands(staff)])

const settled = (staff: Staff, at: DateTime.Utc): SittingCommand => ({
  _tag: "ConfirmQuorum", enough: true, note: "Standing members present", by: as(staff.chair), at
})

const confirmationsOf = (sitting: Sitting, now: DateTime.Utc, context: AuthorityContext = contextOf("knowsley")) =>
  deadlinesOf({ referrals: [], sittings: [sitting] }, context, at(now)).find((deadline) => deadline.id === "k1:attendance-confirmations")

/** Hours before the sitting (1 to 200), one per seat: when each seat's answer was recorded. */
const hoursBefore = fc.array(fc.integer({ min: 1, max: 200 }), { minLength: knowsleyNonStanding.length, maxLength: knowsleyNonStanding.length })

describe("KNO-2: when the non-standing members' answers are all in", () => {
  test.prop([hoursBefore])("the clock is met when the last seat answered, whichever seat that was", (hours) => {
    const start = london("2027-06-10", "10:00")
    const answeredAt = hours.map((h) => DateTime.subtract(start, { hours: h }))
    const sitting = sittingWith((staff) => knowsleyNonStanding.map((seat, i) => attendanceAnswer(staff, seat, answeredAt[i]!)))
    const last = answeredAt.reduce((a, b) => DateTime.max(a, b))
    expect(confirmationsOf(sitting, london("2027-06-11", "09:00"))).toMatchObject({
      about: { kind: "sitting", id: "k1" },
      ruleId: "KNO-2",
      state: "met",
      metAt: last,
      metLate: DateTime.greaterThan(last, london("2027-06-07", "17:00"))
    })
  })

  it("every answer in before the chair settles attendance: met at the last answer, not when the chair settled it", () => {
    const sitting = sittingWith((staff) => [
      ...knowsleyNonStanding.map((seat) => attendanceAnswer(staff, seat, london("2027-06-04", "11:00"))),
      settled(staff, london("2027-06-10", "10:05"))
    ])
    expect(confirmationsOf(sitting, london("2027-06-11", "09:00"))).toMatchObject({ state: "met", metAt: london("2027-06-04", "11:00"), metLate: false })
  })

  it("the chair settles attendance before the last answer is recorded: met when the chair settled it", () => {
    const sitting = sittingWith((staff) => [
      ...knowsleyNonStanding.slice(0, 7).map((seat) => attendanceAnswer(staff, seat, london("2027-06-04", "11:00"))),
      settled(staff, london("2027-06-10", "10:05")),
      attendanceAnswer(staff, "BABs", london("2027-06-10", "11:30"))
    ])
    expect(confirmationsOf(sitting, london("2027-06-11", "09:00"))).toMatchObject({ state: "met", metAt: london("2027-06-10", "10:05"), metLate: true })
  })

  it("two people answering for one seat count once: 7 seats answered of 8, the clock still open and its title says so", () => {
    const sitting = sittingWith((staff) => [
      ...knowsleyNonStanding.slice(0, 7).map((seat) => attendanceAnswer(staff, seat, london("2027-06-04", "11:00"))),
      attendanceAnswer(staff, "Health", london("2027-06-04", "12:00"), "health-deputy")
    ])
    const clock = confirmationsOf(sitting, london("2027-06-08", "09:00"))!
    expect(clock).toMatchObject({
      state: "overdue",
      title: "Non-standing members tell the administrator whether they attend the sitting on Thu 10 Jun 2027 (7 of 8 have)"
    })
    expect(clock.metAt).toBeUndefined()
  })

  it("an answer kept without the time it was recorded (an older record) leaves the clock open until the chair settles attendance", () => {
    const answered = sittingWith((staff) => knowsleyNonStanding.map((seat) => attendanceAnswer(staff, seat, london("2027-06-04", "11:00"))))
    const untimed = (sitting: Sitting): Sitting => ({
      ...sitting,
      attendance: sitting.attendance.map(({ recordedAt, ...entry }, i) => (i === 0 ? entry : { ...entry, recordedAt }))
    })
    const open = confirmationsOf(untimed(answered), london("2027-06-08", "09:00"))!
    expect(open).toMatchObject({ state: "overdue", title: expect.stringContaining("(8 of 8 have)") })
    expect(open.metAt).toBeUndefined()
    const settledLater = sittingWith((staff) => [
      ...knowsleyNonStanding.map((seat) => attendanceAnswer(staff, seat, london("2027-06-04", "11:00"))),
      settled(staff, london("2027-06-10", "10:05"))
    ])
    expect(confirmationsOf(untimed(settledLater), london("2027-06-11", "09:00"))).toMatchObject({ state: "met", metAt: london("2027-06-10", "10:05") })
  })
})

describe("KNO-2: which panels ask for the answers", () => {
  it("a panel that asks for confirmation but has no non-standing seats has no confirmation clock", () => {
    const allStanding = knowsleyWith([{ ...circle, members: circle.members.filter((member) => member.membership === "standing") }])
    const sitting = sittingWith(() => [])
    expect(confirmationsOf(sitting, london("2027-06-01", "09:00"), allStanding)).toBeUndefined()
    expect(confirmationsOf(sitting, london("2027-06-01", "09:00"))).toMatchObject({ title: expect.stringContaining("(0 of 8 have)") })
  })

  it("only the sitting's own panel counts: another panel's sitting, without the rule, has no confirmation clock, whichever panel is listed first", () => {
    const { attendanceConfirmation: _, ...withoutRule } = circle
    const familyTime = { ...withoutRule, id: "family-time", name: "Family Time Panel" }
    const ofFamilyTime = { ...sittingWith(() => []), panelId: PanelId.make("family-time") }
    for (const panels of [[circle, familyTime], [familyTime, circle]]) {
      const context = knowsleyWith(panels)
      expect(confirmationsOf(sittingWith(() => []), london("2027-06-01", "09:00"), context)).toMatchObject({ ruleId: "KNO-2" })
      expect(confirmationsOf(ofFamilyTime, london("2027-06-01", "09:00"), context)).toBeUndefined()
    }
  })

  it("CPR-9, CPR-11: a sitting of a panel the policy no longer lists still has its papers and record clocks", () => {
    const sitting = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [agendaOf(staff, "child-1")])
    const retired = { ...sitting, panelId: PanelId.make("retired-panel") }
    const ids = (of: Sitting) => deadlinesOf({ referrals: [], sittings: [of] }, contextOf("care-planning"), at(london("2027-06-01", "09:00"))).map((d) => d.id)
    expect(ids(retired)).toEqual(["s1:papers", "s1:record-draft"])
    expect(ids(retired)).toEqual(ids(sitting))
  })
})
