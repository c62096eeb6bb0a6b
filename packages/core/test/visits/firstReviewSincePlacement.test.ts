import { describe, expect, it } from "@effect/vitest"
import { visitedPlacementOf } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { withChildRecordReview } from "../../src/visits/firstReviewOf.js"
import { london } from "../fixtures.js"
import { identified, lincolnshire, placed, placedAt } from "../regulation24/fixtures.js"
import { childRecordWith, firstReview, lookedAfterPeriod, lookedAfterReview, visit, visitDeadlines } from "./fixtures.js"

// Placed at 10:00 on Friday 26 March 2027 and visited weekly on Thursdays at 10:00 (1, 8 and 15 April). The 4th visit
// is due a week after the 15 April visit (22 April) while visits are weekly, 4 weeks after it (13 May) once the first
// looked-after review has been held in time.

const visited = () => lincolnshire.play([visit(london("2027-04-01", "10:00")), visit(london("2027-04-08", "10:00")), visit(london("2027-04-15", "10:00"))], placed())
const now = london("2027-04-16", "10:00")
/** An earlier period of being looked after, under s20 in autumn 2026, reviewed once and ended before this placement. */
const earlierPeriod = lookedAfterPeriod("la-1", london("2026-09-01", "12:00"), "s20_accommodation", [lookedAfterReview(london("2026-09-24", "11:00"))], london("2026-11-02", "16:00"))

describe("which looked-after review counts as the first since the placement, for the visits (STAT-R28, STAT-R33)", () => {
  it("STAT-R28: a review from an earlier period of being looked after, before this placement, does not end weekly visits", () => {
    const record = childRecordWith([earlierPeriod, lookedAfterPeriod("la-2", placedAt, "regulation24_placement", [])])
    const fourth = visitDeadlines(visited(), now, [record])["plc_1:visit:4"]
    expect(fourth?.due).toEqual(london("2027-04-22", "10:00"))
    expect(fourth?.explanation).toBe("due 10:00 Thu 22 Apr 2027 - STAT-R28: 1 week after the visit at 10:00 Thu 15 Apr 2027 (weekly until the first looked-after review)")
  })

  it("STAT-R28: a child's record with a looked-after period but no review yet leaves the visits weekly", () => {
    const record = childRecordWith([lookedAfterPeriod("la-1", placedAt, "regulation24_placement", [])])
    expect(visitDeadlines(visited(), now, [record])["plc_1:visit:4"]?.due).toEqual(london("2027-04-22", "10:00"))
  })

  it("STAT-R28: the earliest review since the placement counts, the earlier period's review aside, and later ones do not", () => {
    const record = childRecordWith([
      earlierPeriod,
      lookedAfterPeriod("la-2", placedAt, "regulation24_placement", [lookedAfterReview(london("2027-04-14", "14:00")), lookedAfterReview(london("2027-04-15", "09:00"))])
    ])
    expect(visitDeadlines(visited(), now, [record])["plc_1:visit:4"]?.explanation).toBe(
      "due 10:00 Thu 13 May 2027 - STAT-R28: 4 weeks after the visit at 10:00 Thu 15 Apr 2027 (at most every 4 weeks after the first looked-after review at 14:00 Wed 14 Apr 2027)"
    )
  })

  it("STAT-R28: a review on the child's record earlier than the one recorded on the placement is the first, and its date is cited", () => {
    const history = lincolnshire.play([firstReview(london("2027-04-14", "14:00"), now)], visited())
    const record = childRecordWith([lookedAfterPeriod("la-1", placedAt, "regulation24_placement", [lookedAfterReview(london("2027-04-12", "14:00"))])])
    const clocks = visitDeadlines(history, now, [record])
    // Held before the 3rd weekly visit fell due (15 April): that visit was already due 4 weeks after the 8 April one.
    expect(clocks["plc_1:visit:3"]?.due).toEqual(london("2027-05-06", "10:00"))
    expect(clocks["plc_1:visit:4"]?.explanation).toBe(
      "due 10:00 Thu 13 May 2027 - STAT-R28: 4 weeks after the visit at 10:00 Thu 15 Apr 2027 (at most every 4 weeks after the first looked-after review at 14:00 Mon 12 Apr 2027)"
    )
  })

  it("STAT-R28: a review recorded on the placement earlier than any on the child's record stays the first", () => {
    const history = lincolnshire.play([firstReview(london("2027-04-09", "14:00"), now)], visited())
    const record = childRecordWith([lookedAfterPeriod("la-1", placedAt, "regulation24_placement", [lookedAfterReview(london("2027-04-14", "14:00"))])])
    const clocks = visitDeadlines(history, now, [record])
    expect(clocks["plc_1:visit:3"]?.due).toEqual(london("2027-05-06", "10:00"))
    expect(clocks["plc_1:visit:4"]?.explanation).toBe(
      "due 10:00 Thu 13 May 2027 - STAT-R28: 4 weeks after the visit at 10:00 Thu 15 Apr 2027 (at most every 4 weeks after the first looked-after review at 14:00 Fri 9 Apr 2027)"
    )
  })

  it("STAT-R28: a placement not yet made takes no review from the child's record", () => {
    const notPlaced = visitedPlacementOf(fold(placementDecider, identified())!)
    const record = childRecordWith([lookedAfterPeriod("la-1", london("2027-03-20", "10:00"), "s20_accommodation", [lookedAfterReview(london("2027-03-24", "14:00"))])])
    expect(withChildRecordReview(notPlaced, record)).toEqual(notPlaced)
  })
})
