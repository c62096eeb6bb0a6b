import { describe, expect, it } from "@effect/vitest"
import { fold } from "../../src/shared/decider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { london } from "../fixtures.js"
import { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import { allNo, basicTest, childId, cmd, identified, lincolnshire, placed, placedAt, playOn, staff } from "../regulation24/fixtures.js"
import { firstReview, plan, visit, visitDeadlines } from "./fixtures.js"

// The placement is at 10:00 on Good Friday, 26 March 2027; the clocks go forward on Sunday 28 March.

describe("statutory visits (STAT-R28)", () => {
  it("STAT-R28: given a placement, the first visit is due within one week, at the same London wall time across the clock change", () => {
    const clock = visitDeadlines(placed(), london("2027-03-27", "09:00"))["plc_1:visit:1"]
    expect(clock).toMatchObject({ ruleId: "STAT-R28", due: london("2027-04-02", "10:00"), state: "pending", title: "1st statutory visit to the child in the placement (regulation 28)" })
    expect(clock?.explanation).toBe("due 10:00 Fri 2 Apr 2027 - STAT-R28: 1 week after the placement at 10:00 Fri 26 Mar 2027 (the first visit)")
  })

  it("STAT-R28: when a visit is recorded, it keeps who visited, when and whether the child was seen alone; it meets the first clock and the next is due a week after it", () => {
    const spec = lincolnshire.given(placed()).when(visit(london("2027-04-01", "16:30"), { seenAlone: true }, london("2027-04-01", "18:00")))
    expect(spec.events()).toMatchObject([{ _tag: "VisitRecorded", visitedAt: london("2027-04-01", "16:30"), visitor: staff.socialWorker.name, seenAlone: true }])
    expect(spec.state()?.visits).toHaveLength(1)
    const clocks = visitDeadlines([...placed(), ...spec.events()], london("2027-04-02", "09:00"))
    expect(clocks["plc_1:visit:1"]).toMatchObject({ state: "met", metLate: false })
    expect(clocks["plc_1:visit:2"]?.explanation).toBe(
      "due 16:30 Thu 8 Apr 2027 - STAT-R28: 1 week after the visit at 16:30 Thu 1 Apr 2027 (weekly until the first looked-after review)"
    )
  })

  it("STAT-R28: a child not seen alone needs the reason, which is kept; the visitor can be someone other than whoever records it", () => {
    const notAlone = visit(london("2027-03-30", "11:00"), { seenAlone: false, visitor: "Amir Holloway" })
    expect(lincolnshire.given(placed()).when(notAlone).refusal()).toMatchObject({
      _tag: "VisitRefused",
      reason: "not_seen_alone_without_reason",
      field: "notSeenAloneReason",
      message: "The child was not seen alone: say why (STAT-R28)."
    })
    const withReason = visit(london("2027-03-30", "11:00"), { seenAlone: false, visitor: "Amir Holloway", notSeenAloneReason: " She asked for her aunt to stay " })
    expect(lincolnshire.given(placed()).when(withReason).events()).toMatchObject([
      { visitor: "Amir Holloway", seenAlone: false, notSeenAloneReason: "She asked for her aunt to stay" }
    ])
  })

  it("STAT-R28: refuses, naming why, a visit before the placement, one still to come, one after the placement ended, a second at the same instant and one before the child is placed; each changes nothing", () => {
    const refusal = (history: Parameters<typeof lincolnshire.given>[0], command: ReturnType<typeof visit>) => lincolnshire.given(history).when(command).refusal()
    expect(refusal(placed(), visit(london("2027-03-26", "09:00"), { seenAlone: true }, london("2027-03-27", "10:00")))).toMatchObject({
      reason: "before_placement",
      message: "The child was placed at 10:00 Fri 26 Mar 2027; a visit at 09:00 Fri 26 Mar 2027, before that, is not a visit to the child in this placement (STAT-R28)."
    })
    expect(refusal(placed(), visit(london("2027-03-29", "10:00"), { seenAlone: true }, london("2027-03-29", "09:59")))).toMatchObject({
      reason: "in_future",
      message: "A visit at 10:00 Mon 29 Mar 2027 has not happened yet: record it once it has (STAT-R28)."
    })
    const ended = playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_returned_home" }, london("2027-04-05", "12:00")))
    expect(refusal(ended, visit(london("2027-04-06", "10:00")))).toMatchObject({
      reason: "after_placement_ended",
      message: "The placement ended at 12:00 Mon 5 Apr 2027; a visit at 10:00 Tue 6 Apr 2027 is not a visit to the child in this placement (STAT-R28)."
    })
    // A visit that happened before the ending may still be written up after it.
    expect(lincolnshire.given(ended).when(visit(london("2027-04-01", "10:00"), { seenAlone: true }, london("2027-04-06", "10:00"))).events()).toHaveLength(1)
    const once = playOn(placed(), visit(london("2027-03-30", "11:00")))
    expect(refusal(once, visit(london("2027-03-30", "11:00")))).toMatchObject({ reason: "already_recorded" })
    expect(refusal(identified(), visit(london("2027-03-30", "11:00")))).toMatchObject({ reason: "not_placed" })
    expect(refusal(placed(), visit(london("2027-03-30", "11:00"), { seenAlone: true, visitor: "  " }))).toMatchObject({ reason: "no_visitor", field: "visitor" })
    expect(lincolnshire.given(lincolnshire.play([basicTest(allNo)])).when(visit(london("2027-03-30", "11:00"))).refusal()._tag).toBe("PlacementNotInStatus")
  })

  it("STAT-R28: a visit met late shows as met late; an ended placement has no visit clocks", () => {
    const late = playOn(placed(), visit(london("2027-04-03", "10:00")))
    expect(visitDeadlines(late, london("2027-04-04", "10:00"))["plc_1:visit:1"]?.explanation).toBe(
      "due 10:00 Fri 2 Apr 2027 - STAT-R28: 1 week after the placement at 10:00 Fri 26 Mar 2027 (the first visit); met late, at 10:00 Sat 3 Apr 2027"
    )
    const ended = playOn(late, cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-05", "12:00")))
    expect(visitDeadlines(ended, london("2027-05-01", "10:00"))).toEqual({})
  })

  it("STAT-R28: a first looked-after review recorded on the child's record (STAT-R33) moves the visits to 4-weekly too", () => {
    const history = lincolnshire.play([visit(london("2027-04-01", "10:00")), visit(london("2027-04-08", "10:00")), visit(london("2027-04-15", "10:00"))], placed())
    const recordedBy = { personId: staff.socialWorker.personId, name: "Priya Ashdown", role: "social_worker" as const }
    const review = { heldAt: london("2027-04-14", "14:00"), iroName: "Mina Castell", by: recordedBy, at: london("2027-04-14", "16:00") }
    const childRecord = ChildRecord.make({
      childId,
      authorityId: staff.socialWorker.authorityId,
      emergencyProtectionOrders: [],
      lookedAfter: [{ periodId: "la-1", from: placedAt, route: "regulation24_placement", reviews: [review], by: recordedBy, at: placedAt }]
    })
    const now = london("2027-04-16", "10:00")
    expect(visitDeadlines(history, now)["plc_1:visit:4"]?.due).toEqual(london("2027-04-22", "10:00"))
    expect(visitDeadlines(history, now, [childRecord])["plc_1:visit:4"]?.explanation).toBe(
      "due 10:00 Thu 13 May 2027 - STAT-R28: 4 weeks after the visit at 10:00 Thu 15 Apr 2027 (at most every 4 weeks after the first looked-after review at 14:00 Wed 14 Apr 2027)"
    )
  })

  it("STAT-R28 (reg 28(4)): weekly until the first looked-after review, then at most every 4 weeks", () => {
    const history = lincolnshire.play(
      [visit(london("2027-04-01", "10:00")), visit(london("2027-04-08", "10:00")), firstReview(london("2027-04-14", "14:00")), visit(london("2027-04-15", "10:00"))],
      placed()
    )
    const clocks = visitDeadlines(history, london("2027-04-16", "10:00"))
    // The review came before the third weekly visit fell due: from then on, 4 weeks from the last visit.
    expect(clocks["plc_1:visit:3"]).toMatchObject({ state: "met", due: london("2027-05-06", "10:00") })
    expect(clocks["plc_1:visit:4"]?.explanation).toBe(
      "due 10:00 Thu 13 May 2027 - STAT-R28: 4 weeks after the visit at 10:00 Thu 15 Apr 2027 (at most every 4 weeks after the first looked-after review at 14:00 Wed 14 Apr 2027)"
    )
    // A review after the weekly visit fell due does not excuse it.
    const lateReview = lincolnshire.play([visit(london("2027-04-01", "10:00")), firstReview(london("2027-04-09", "10:00"), london("2027-04-10", "10:00"))], placed())
    expect(visitDeadlines(lateReview, london("2027-04-10", "10:00"))["plc_1:visit:2"]).toMatchObject({ due: london("2027-04-08", "10:00"), state: "overdue" })
  })

  it("STAT-R28: the first review is recorded once and never in the future", () => {
    const reviewed = playOn(placed(), firstReview(london("2027-04-14", "14:00")))
    expect(lincolnshire.given(reviewed).when(firstReview(london("2027-04-15", "14:00"))).refusal()).toMatchObject({ _tag: "FirstReviewRefused", reason: "already_recorded" })
    expect(lincolnshire.given(placed()).when(firstReview(london("2027-04-15", "14:00"), london("2027-04-15", "13:00"))).refusal()).toMatchObject({
      _tag: "FirstReviewRefused",
      reason: "in_future"
    })
  })
})

describe("placement plan (STAT-R9)", () => {
  it("STAT-R9: due 5 working days after the placement, over the Easter bank holiday; met by the plan recorded with who and when", () => {
    expect(visitDeadlines(placed(), london("2027-03-27", "09:00"))["plc_1:placement-plan"]?.explanation).toBe(
      "due 10:00 Mon 5 Apr 2027 - STAT-R9: 5 working days after the placement at 10:00 Fri 26 Mar 2027"
    )
    const spec = lincolnshire.given(placed()).when(plan(london("2027-04-01", "15:00")))
    expect(spec.events()).toMatchObject([{ _tag: "PlacementPlanRecorded", preparedAt: london("2027-04-01", "15:00"), by: { name: staff.socialWorker.name } }])
    expect(visitDeadlines([...placed(), ...spec.events()], london("2027-04-02", "09:00"))["plc_1:placement-plan"]).toMatchObject({ state: "met", metLate: false })
  })

  it("STAT-R9: a plan prepared before the placement meets the clock; a second, one still to come, or one on a closed placement is refused", () => {
    const before = lincolnshire.play([plan(london("2027-03-25", "15:00"))], identified())
    const history = playOn(before, cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:00"), carers: fold(placementDecider, placed())!.placement!.carers }))
    expect(visitDeadlines(history, london("2027-03-27", "09:00"))["plc_1:placement-plan"]).toMatchObject({ state: "met", metAt: london("2027-03-25", "15:00") })
    expect(lincolnshire.given(history).when(plan(london("2027-03-27", "15:00"))).refusal()).toMatchObject({
      _tag: "PlacementPlanRefused",
      reason: "already_recorded",
      message: "The placement plan was already recorded as prepared at 15:00 Thu 25 Mar 2027 (STAT-R9)."
    })
    expect(lincolnshire.given(placed()).when(plan(london("2027-03-27", "15:00"), london("2027-03-27", "14:00"))).refusal()).toMatchObject({ reason: "in_future" })
    const ended = playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-03-27", "12:00")))
    expect(lincolnshire.given(ended).when(plan(london("2027-03-27", "15:00"))).refusal()).toMatchObject({ reason: "not_open" })
  })
})
