import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime, Schema } from "effect"
import fc from "fast-check"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import { ChildId, PersonId, ReferralId, } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { at, lincolnshireReferral, lincolnshireSittings, sittingOf } from "./fixtures.js"

describe("deadlines: submission", () => {
  it("LIN-3: a draft started on 1 June aims at the sitting on 9 June, due noon on the Friday before", () => {
    const [deadline] = deadlinesOf({ referrals: [lincolnshireReferral(undefined)], sittings: lincolnshireSittings() }, contextOf("lincolnshire"), at(london("2027-06-01", "10:00")))
    expect(deadline).toMatchObject({
      about: { kind: "referral", id: "ref_1" },
      ruleId: "LIN-3",
      state: "pending",
      explanation: "due 12:00 Fri 4 Jun 2027 - LIN-3: noon on the Friday before the sitting on Wed 9 Jun 2027"
    })
  })

  it("LIN-3: due soon within 48 hours, overdue after, met when approved in time", () => {
    const sittings = lincolnshireSittings()
    const draft = lincolnshireReferral(undefined)
    const stateAt = (now: DateTime.Utc, referral = draft) =>
      deadlinesOf({ referrals: [referral], sittings }, contextOf("lincolnshire"), at(now))[0]!.state
    expect(stateAt(london("2027-06-03", "11:00"))).toBe("due_soon")
    expect(stateAt(london("2027-06-04", "12:01"))).toBe("overdue")
    expect(stateAt(london("2027-06-05", "12:00"), lincolnshireReferral(london("2027-06-04", "11:00")))).toBe("met")
  })

  it("NSO-3: a Friday deadline on Good Friday moves to the Thursday before, and says so", () => {
    const sitting = sittingOf("north-somerset", "care-and-resource", "sit_31mar", "2027-03-31")
    const staff = staffOf("north-somerset")
    const referral = fold(
      referralDecider,
      deciderSpec(referralDecider, contextOf("north-somerset")).play([
        { _tag: "CreateDraft", referralId: ReferralId.make("ref_n"), form: completeForm("care-and-resource"), by: as(staff.socialWorker), at: london("2027-03-15", "09:00") }
      ])
    )!
    const [deadline] = deadlinesOf({ referrals: [referral], sittings: [sitting] }, contextOf("north-somerset"), at(london("2027-03-20", "09:00")))
    expect(deadline!.explanation).toBe(
      "due 12:00 Thu 25 Mar 2027 - NSO-3: noon on the Friday before the sitting on Wed 31 Mar 2027 (moved to Thu 25 Mar 2027 because Fri 26 Mar 2027 is Good Friday)"
    )
  })
})

describe("deadlines: sittings", () => {
  it("CPR-9: agenda and papers to members by noon on the Tuesday, met when published", () => {
    const withAgenda = (publish: boolean) =>
      sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [
        { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("r1"), childIds: [ChildId.make("c1")], kind: "request", summary: "x" }], by: as(staff.administrator), at: london("2027-06-07", "09:00") },
        ...(publish ? [{ _tag: "PublishAgenda", by: as(staff.administrator), at: london("2027-06-08", "11:00") } as SittingCommand] : [])
      ])
    const papers = (publish: boolean) =>
      deadlinesOf({ referrals: [], sittings: [withAgenda(publish)] }, contextOf("care-planning"), at(london("2027-06-08", "12:30"))).find((d) => d.id === "s1:papers")!
    expect(papers(false)).toMatchObject({ state: "overdue", explanation: "due 12:00 Tue 8 Jun 2027 - CPR-9: noon on the Tuesday before the sitting on Wed 9 Jun 2027" })
    expect(papers(true).state).toBe("met")
  })

  it("CPR-11: the draft record is due 48 hours after the sitting ends; final and uploads follow", () => {
    const sitting = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [
      { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("r1"), childIds: [ChildId.make("c1")], kind: "request", summary: "x" }], by: as(staff.administrator), at: london("2027-06-07", "09:00") },
      { _tag: "SendDraftRecordToChair", by: as(staff.administrator), at: london("2027-06-10", "10:00") },
      { _tag: "ReturnFinalRecord", by: as(staff.chair), at: london("2027-06-11", "10:00") }
    ])
    const deadlines = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("care-planning"), at(london("2027-06-11", "12:00")))
    const byId = Object.fromEntries(deadlines.map((d) => [d.id, d]))
    expect(byId["s1:record-draft"]).toMatchObject({ state: "met", explanation: "due 13:00 Fri 11 Jun 2027 - CPR-11: 48 hours after the end of the sitting on Wed 9 Jun 2027" })
    expect(byId["s1:record-final"]!.state).toBe("met")
    expect(byId["s1:upload:c1"]).toMatchObject({ state: "due_soon", explanation: "due 10:00 Sat 12 Jun 2027 - CPR-11: 24 hours after the final record at 10:00 Fri 11 Jun 2027" })
  })

  it("CPR-11: no clock runs past the next week's sitting", () => {
    const first = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [
      { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("r1"), childIds: [ChildId.make("c1")], kind: "request", summary: "x" }], by: as(staff.administrator), at: london("2027-06-07", "09:00") },
      { _tag: "SendDraftRecordToChair", by: as(staff.administrator), at: london("2027-06-14", "12:00") }
    ])
    const next = sittingOf("care-planning", "care-planning-and-resources", "s2", "2027-06-16")
    const final = deadlinesOf({ referrals: [], sittings: [first, next] }, contextOf("care-planning"), at(london("2027-06-14", "13:00"))).find((d) => d.id === "s1:record-final")!
    expect(final.explanation).toBe(
      "due 09:30 Wed 16 Jun 2027 - CPR-11: the next sitting at 09:30 Wed 16 Jun 2027, which comes before 48 hours after the draft reaching the chair at 12:00 Mon 14 Jun 2027"
    )
  })

  it("a cancelled sitting has no clocks", () => {
    const cancelled = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [
      { _tag: "CancelSitting", reason: "no business", by: as(staff.chair), at: london("2027-06-01", "09:00") }
    ])
    expect(deadlinesOf({ referrals: [], sittings: [cancelled] }, contextOf("care-planning"), at(london("2027-06-01", "10:00")))).toEqual([])
  })
})

describe("deadlines: before a sitting", () => {
  const agendaOf = (staff: ReturnType<typeof staffOf>): SittingCommand => ({
    _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("r1"), childIds: [ChildId.make("c1")], kind: "request", summary: "x" }], by: as(staff.administrator), at: london("2027-06-01", "09:00")
  })
  const answer = (staff: ReturnType<typeof staffOf>, seat: string, status: "confirmed" | "apologies", at: DateTime.Utc): SittingCommand => ({
    _tag: "RecordAttendance", entry: { personId: PersonId.make(seat.toLowerCase()), name: `${seat} lead`, seat, membership: "non_standing", status }, by: as(staff.administrator), at
  })
  const nonStanding = ["STEP", "Polaris", "Young Carers", "Health", "Pause", "Virtual School / Education", "Shield", "BABs"]

  it("KNO-2: non-standing members tell the administrator 3 days before whether they attend; met once every seat has answered", () => {
    const confirmations = (answered: ReadonlyArray<string>) => {
      const sitting = sittingOf("knowsley", "circle-of-support", "k1", "2027-06-10", (staff) => [
        agendaOf(staff),
        ...answered.map((seat, i) => answer(staff, seat, i % 2 === 0 ? "confirmed" : "apologies", london(i < 4 ? "2027-06-03" : "2027-06-08", "10:00")))
      ])
      return deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("knowsley"), at(london("2027-06-07", "09:00"))).find((d) => d.id === "k1:attendance-confirmations")!
    }
    expect(confirmations(nonStanding.slice(0, 3))).toMatchObject({
      ruleId: "KNO-2",
      state: "due_soon",
      title: "Non-standing members tell the administrator whether they attend the sitting on Thu 10 Jun 2027 (3 of 8 have)",
      explanation: "due 17:00 Mon 7 Jun 2027 - KNO-2: 17:00, 3 days before the sitting on Thu 10 Jun 2027"
    })
    expect(confirmations(nonStanding)).toMatchObject({ state: "met", metLate: true, metAt: london("2027-06-08", "10:00") })
  })

  it("KNO-2: once the chair settles attendance at the sitting, a seat that never answered did not attend: the clock is met, late", () => {
    const sitting = sittingOf("knowsley", "circle-of-support", "k1", "2027-06-10", (staff) => [
      agendaOf(staff),
      answer(staff, "Health", "confirmed", london("2027-06-03", "10:00")),
      { _tag: "ConfirmQuorum", enough: true, note: "Standing members and Health present", by: as(staff.chair), at: london("2027-06-10", "10:05") }
    ])
    const clock = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("knowsley"), at(london("2027-06-11", "09:00"))).find((d) => d.id === "k1:attendance-confirmations")!
    expect(clock).toMatchObject({ state: "met", metLate: true, metAt: london("2027-06-10", "10:05") })
  })

  it("KNO-2: a panel without the rule, or without non-standing members, has no confirmation clock", () => {
    const cpr = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [agendaOf(staff)])
    const ids = deadlinesOf({ referrals: [], sittings: [cpr] }, contextOf("care-planning"), at(london("2027-06-01", "10:00"))).map((d) => d.id)
    expect(ids).not.toContain("s1:attendance-confirmations")
  })

  it("CPR-9: an authority may time the agenda apart from the papers; each clock is met by its own sending", () => {
    const input = presetInputs["care-planning"]
    const agendaToMembers = { ruleId: "CPR-9", clock: { _tag: "WeekdayBefore", weekday: "friday", time: "12:00" } }
    const agendaFirst = { ...contextOf("care-planning"), policy: Schema.decodeUnknownSync(AuthorityPolicy)({ ...input, sitting: { ...input.sitting, agendaToMembers } }) }
    const sitting = sittingOf("care-planning", "care-planning-and-resources", "s1", "2027-06-09", (staff) => [
      agendaOf(staff),
      { _tag: "PublishAgenda", papersToFollow: true, by: as(staff.administrator), at: london("2027-06-04", "11:00") },
      { _tag: "SendPapers", by: as(staff.administrator), at: london("2027-06-08", "12:30") }
    ])
    const byId = Object.fromEntries(deadlinesOf({ referrals: [], sittings: [sitting] }, agendaFirst, at(london("2027-06-08", "13:00"))).map((d) => [d.id, d]))
    expect(byId["s1:agenda"]).toMatchObject({ title: "Agenda to members for the sitting on Wed 9 Jun 2027", state: "met", metLate: false })
    expect(byId["s1:papers"]).toMatchObject({
      title: "Papers to members for the sitting on Wed 9 Jun 2027",
      state: "met",
      metLate: true,
      explanation: "due 12:00 Tue 8 Jun 2027 - CPR-9: noon on the Tuesday before the sitting on Wed 9 Jun 2027; met late, at 12:30 Tue 8 Jun 2027"
    })
  })

  it("NSO-3: the papers' clock stays open while the agenda has gone without them", () => {
    const sitting = sittingOf("north-somerset", "care-and-resource", "n1", "2027-06-09", (staff) => [
      agendaOf(staff),
      { _tag: "PublishAgenda", papersToFollow: true, by: as(staff.administrator), at: london("2027-06-04", "11:00") }
    ])
    const papers = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("north-somerset"), at(london("2027-06-07", "13:00"))).find((d) => d.id === "n1:papers")!
    expect(papers).toMatchObject({ state: "overdue", title: "Agenda and papers to members for the sitting on Wed 9 Jun 2027" })
  })
})

describe("deadlines: properties", () => {
  const sittings = lincolnshireSittings()
  const draft = lincolnshireReferral(undefined)
  const instants = fc.date({ min: new Date("2027-05-01T00:00:00Z"), max: new Date("2027-07-01T00:00:00Z"), noInvalidDate: true })

  test.prop([instants])("LIN-3: state follows the clock: overdue exactly when now is past due, due soon within the window", (date) => {
    const now = DateTime.unsafeMake(date)
    const [deadline] = deadlinesOf({ referrals: [draft], sittings }, contextOf("lincolnshire"), at(now))
    const msLeft = DateTime.distance(now, deadline!.due)
    const expected = msLeft < 0 ? "overdue" : msLeft <= 48 * 3_600_000 ? "due_soon" : "pending"
    expect(deadline!.state).toBe(expected)
  })

  test.prop([instants])("every deadline explanation starts with its due time and rule id", (date) => {
    const deadlines = deadlinesOf({ referrals: [draft], sittings }, contextOf("lincolnshire"), at(DateTime.unsafeMake(date)))
    for (const deadline of deadlines) expect(deadline.explanation).toMatch(new RegExp(`^due \\d\\d:\\d\\d \\w{3} \\d{1,2} \\w{3} \\d{4} - ${deadline.ruleId}: `))
  })
})
