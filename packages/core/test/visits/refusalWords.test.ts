import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, identified, lincolnshire, placed, playOn } from "../regulation24/fixtures.js"
import { firstReview, plan, visit } from "./fixtures.js"

// What a social worker reads when a visit, a placement plan or the first review cannot be recorded: the words, the
// rule and the field the form marks. The placement is at 10:00 on Friday 26 March 2027.

const ended = () => playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_returned_home" }, london("2027-04-05", "12:00")))

describe("a refused visit says why, in words, and marks when it happened or who visited (STAT-R28)", () => {
  it("STAT-R28: a visit to a child not yet placed is refused: it is recorded once the child is in the placement", () => {
    expect(lincolnshire.given(identified()).when(visit(london("2027-03-26", "09:00"))).refusal()).toEqual(
      expect.objectContaining({
        _tag: "VisitRefused",
        ruleId: "STAT-R28",
        reason: "not_placed",
        field: "visitedAt",
        message: "The child has not been placed yet: a visit is recorded once the child is in the placement (STAT-R28)."
      })
    )
  })

  it("STAT-R28: a visit still to come, one before the placement and one after it ended each mark when the visit happened", () => {
    const future = lincolnshire.given(placed()).when(visit(london("2027-03-29", "10:00"), { seenAlone: true }, london("2027-03-29", "09:59"))).refusal()
    const before = lincolnshire.given(placed()).when(visit(london("2027-03-26", "09:00"), { seenAlone: true }, london("2027-03-27", "10:00"))).refusal()
    const after = lincolnshire.given(ended()).when(visit(london("2027-04-06", "10:00"))).refusal()
    expect(future).toMatchObject({ reason: "in_future", field: "visitedAt" })
    expect(before).toMatchObject({ reason: "before_placement", field: "visitedAt" })
    expect(after).toMatchObject({ reason: "after_placement_ended", field: "visitedAt" })
  })

  it("STAT-R28: a second visit at the same instant is refused, naming when and who recorded the first", () => {
    const once = playOn(placed(), visit(london("2027-03-30", "11:00"), { seenAlone: true }, london("2027-03-30", "17:00")))
    expect(lincolnshire.given(once).when(visit(london("2027-03-30", "11:00"), { seenAlone: false, notSeenAloneReason: "Asleep" }, london("2027-03-31", "09:00"))).refusal()).toEqual(
      expect.objectContaining({
        reason: "already_recorded",
        field: "visitedAt",
        message: "A visit at 11:00 Tue 30 Mar 2027 was already recorded, by Priya Ashdown (STAT-R28)."
      })
    )
  })

  it("STAT-R28: a visitor given as blank is refused at the visitor field: name who visited", () => {
    expect(lincolnshire.given(placed()).when(visit(london("2027-03-30", "11:00"), { seenAlone: true, visitor: "   " })).refusal()).toEqual(
      expect.objectContaining({ ruleId: "STAT-R28", reason: "no_visitor", field: "visitor", message: "Name who visited the child (STAT-R28)." })
    )
  })
})

describe("a refused placement plan says why (STAT-R9)", () => {
  it("STAT-R9: a plan on an ended placement is refused: the placement is closed", () => {
    expect(lincolnshire.given(ended()).when(plan(london("2027-04-01", "15:00"), london("2027-04-06", "09:00"))).refusal()).toEqual(
      expect.objectContaining({
        _tag: "PlacementPlanRefused",
        ruleId: "STAT-R9",
        reason: "not_open",
        message: "This placement is closed: a placement plan is recorded on a placement that is planned or running (STAT-R9)."
      })
    )
  })

  it("STAT-R9: a plan dated after the moment it is recorded is refused, naming when it says it was prepared", () => {
    expect(lincolnshire.given(placed()).when(plan(london("2027-03-27", "15:00"), london("2027-03-27", "14:00"))).refusal()).toEqual(
      expect.objectContaining({
        reason: "in_future",
        message: "A placement plan prepared at 15:00 Sat 27 Mar 2027 is still to come: record it once it is prepared (STAT-R9)."
      })
    )
  })
})

describe("a refused first looked-after review says why (STAT-R28)", () => {
  it("STAT-R28: the first review on an ended placement is refused: the placement is closed, and nothing is recorded", () => {
    const spec = lincolnshire.given(ended()).when(firstReview(london("2027-04-01", "14:00"), london("2027-04-06", "09:00")))
    expect(spec.refusal()).toEqual(
      expect.objectContaining({
        _tag: "FirstReviewRefused",
        ruleId: "STAT-R28",
        reason: "not_open",
        message: "This placement is closed: the first looked-after review is recorded on a placement that is planned or running (STAT-R28)."
      })
    )
    expect(spec.state()?.firstReview).toBeUndefined()
  })

  it("STAT-R28: a second first review names when the first was held; one still to come names when it would be held", () => {
    const reviewed = playOn(placed(), firstReview(london("2027-04-14", "14:00"), london("2027-04-14", "16:00")))
    expect(lincolnshire.given(reviewed).when(firstReview(london("2027-04-15", "14:00"))).refusal()).toEqual(
      expect.objectContaining({
        ruleId: "STAT-R28",
        reason: "already_recorded",
        message: "The first looked-after review was already recorded as held at 14:00 Wed 14 Apr 2027 (STAT-R28)."
      })
    )
    expect(lincolnshire.given(placed()).when(firstReview(london("2027-04-15", "14:00"), london("2027-04-15", "13:00"))).refusal()).toEqual(
      expect.objectContaining({
        ruleId: "STAT-R28",
        reason: "in_future",
        message: "A review at 14:00 Thu 15 Apr 2027 has not been held yet: record it once it has (STAT-R28)."
      })
    )
  })
})
