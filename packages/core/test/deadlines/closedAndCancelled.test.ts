import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { ChildId, ReferralId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { agendaOf, at, lincolnshireReferral, lincolnshireSittings, sittingOf } from "./fixtures.js"

const lincolnshire = staffOf("lincolnshire")
const carePlanning = "care-planning-and-resources"
const cancel = (by: ReturnType<typeof staffOf>): SittingCommand => ({ _tag: "CancelSitting", reason: "no quorum possible", by: as(by.chair), at: london("2027-06-01", "10:00") })

describe("deadlines: closed requests have no submission clock (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3)", () => {
  const submissionClocks = (after: ReadonlyArray<ReferralCommand>, form = {}) =>
    deadlinesOf({ referrals: [lincolnshireReferral(undefined, after, form)], sittings: lincolnshireSittings() }, contextOf("lincolnshire"), at(london("2027-06-01", "10:00")))
      .filter((deadline) => deadline.about.kind === "referral")

  it("LIN-3: a draft has a running submission deadline until the social worker withdraws it", () => {
    expect(submissionClocks([])).toHaveLength(1)
    expect(submissionClocks([{ _tag: "Withdraw", reason: "Family moved out of the area", by: as(lincolnshire.socialWorker), at: london("2027-06-01", "09:30") }])).toEqual([])
  })

  it("LIN-4: a request closed as one that need not be presented has no submission deadline", () => {
    const uasc = {
      children: [{ childId: ChildId.make("child-1"), fullName: "Sami Fenwold", dateOfBirth: "2010-01-02" as never, disabled: false, unaccompaniedAsylumSeeking: true, specialEducationalNeeds: false, engagingInEducation: true }]
    }
    const redirect: ReferralCommand = { _tag: "Redirect", ruleId: "LIN-4", reason: "UASC team leads", by: as(lincolnshire.administrator), at: london("2027-06-01", "09:30") }
    expect(submissionClocks([], uasc)).toHaveLength(1)
    expect(submissionClocks([redirect], uasc)).toEqual([])
  })
})

describe("deadlines: cancelled sittings", () => {
  it("LIN-3: a draft aims past a cancelled sitting at the next live one", () => {
    const [, ninth, sixteenth] = lincolnshireSittings()
    const cancelledNinth = sittingOf("lincolnshire", "support-panel", "sit_9jun", "2027-06-09", (staff) => [cancel(staff)])
    const [deadline] = deadlinesOf({ referrals: [lincolnshireReferral(undefined)], sittings: [cancelledNinth, sixteenth!] }, contextOf("lincolnshire"), at(london("2027-06-01", "10:00")))
    expect(deadline!.explanation).toBe("due 12:00 Fri 11 Jun 2027 - LIN-3: noon on the Friday before the sitting on Wed 16 Jun 2027")
    expect(ninth!.cancelled).toBeUndefined()
  })

  it("CPR-9, CPR-11: a sitting cancelled after its agenda was built has no agenda, papers or record clocks", () => {
    const live = sittingOf("care-planning", carePlanning, "s1", "2027-06-09", (staff) => [agendaOf(staff, "c1")])
    const cancelled = sittingOf("care-planning", carePlanning, "s1", "2027-06-09", (staff) => [agendaOf(staff, "c1"), cancel(staff)])
    const idsOf = (sitting: typeof live) => deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("care-planning"), at(london("2027-06-01", "11:00"))).map((d) => d.id)
    expect(idsOf(live)).toEqual(expect.arrayContaining(["s1:papers", "s1:record-draft"]))
    expect(idsOf(cancelled)).toEqual([])
  })

  it("CPR-11: a cancelled next sitting does not cut the chair's 48 hours short", () => {
    const first = sittingOf("care-planning", carePlanning, "s1", "2027-06-09", (staff) => [
      agendaOf(staff, "c1"),
      { _tag: "SendDraftRecordToChair", by: as(staff.administrator), at: london("2027-06-14", "12:00") }
    ])
    const next = sittingOf("care-planning", carePlanning, "s2", "2027-06-16", (staff) => [cancel(staff)])
    const final = deadlinesOf({ referrals: [], sittings: [first, next] }, contextOf("care-planning"), at(london("2027-06-14", "13:00"))).find((d) => d.id === "s1:record-final")!
    expect(final.explanation).toBe("due 12:00 Wed 16 Jun 2027 - CPR-11: 48 hours after the draft reaching the chair at 12:00 Mon 14 Jun 2027")
  })
})

describe("deadlines: each child's upload (CPR-11)", () => {
  it("CPR-11: uploading one child's record meets that child's clock only", () => {
    const sitting = sittingOf("care-planning", carePlanning, "s1", "2027-06-09", (staff) => [
      agendaOf(staff, "c1", "c2"),
      { _tag: "SendDraftRecordToChair", by: as(staff.administrator), at: london("2027-06-10", "10:00") },
      { _tag: "ReturnFinalRecord", by: as(staff.chair), at: london("2027-06-11", "10:00") },
      { _tag: "RecordChildUploaded", childId: ChildId.make("c1"), referralId: ReferralId.make("r1"), by: as(staff.administrator), at: london("2027-06-11", "15:00") }
    ])
    const deadlines = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("care-planning"), at(london("2027-06-12", "11:00")))
    const stateOf = (id: string) => deadlines.find((d) => d.id === id)?.state
    expect(stateOf("s1:upload:c1")).toBe("met")
    expect(stateOf("s1:upload:c2")).toBe("overdue")
  })
})

describe("deadlines: order", () => {
  it("lists every clock soonest first, whatever order the records come in", () => {
    const withRecord = (id: string, date: string, draftAt: string) =>
      sittingOf("care-planning", carePlanning, id, date, (staff) => [
        agendaOf(staff, `child-${id}`),
        { _tag: "SendDraftRecordToChair", by: as(staff.administrator), at: london(draftAt, "12:00") }
      ])
    const sittings = [withRecord("s3", "2027-06-23", "2027-06-24"), sittingOf("care-planning", carePlanning, "s2", "2027-06-16", (staff) => [agendaOf(staff, "c2")]), withRecord("s1", "2027-06-09", "2027-06-10")]
    const deadlines = deadlinesOf({ referrals: [], sittings }, contextOf("care-planning"), at(london("2027-06-01", "10:00")))
    expect(deadlines.length).toBeGreaterThan(3)
    const dues = deadlines.map((d) => DateTime.toEpochMillis(d.due))
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
    expect(new Set(dues).size).toBeGreaterThan(3)
  })
})
