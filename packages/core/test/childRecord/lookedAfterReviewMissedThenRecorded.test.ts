import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child under a care order from Monday 4 January 2027, reviewed on Thursday 28 January, on Tuesday 20 April (the
// second review, due by 28 April) and on Tuesday 12 October. The October review is recorded first; the April one
// was never entered, and the social worker enters it afterwards. Reviews are recorded only after the last one, so it
// is refused ("The last review was held at 14:00 Tue 12 Oct 2027; a review at 14:00 Tue 20 Apr 2027 must come after
// it"), and the clocks count October's as the second review: met late, a breach that did not happen, and the next
// review due 6 months after October as the third.
//
// Proposed fix (a rule choice: the domain guide says reviews are "recorded in order"): a review held between two
// recorded ones, in the same period, is recorded in its place (the record's reviews kept in the order they were
// held); one at the minute of a review already recorded is still refused.
type When = ReturnType<typeof london>
const review = (heldAt: When, at: When = heldAt) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName: "Imogen Reyes" }, at)
const octoberFirst = () =>
  northSomerset.play([
    cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
    review(london("2027-01-28", "14:00")),
    review(london("2027-10-12", "14:00"))
  ])

describe("a looked-after review entered after a later one (STAT-R33)", () => {
  it.fails("STAT-R33: the April review, entered after October's, is recorded and meets the second review's clock in time", () => {
    const entered = northSomerset.play([review(london("2027-04-20", "14:00"), london("2027-10-20", "09:00"))], octoberFirst())
    const clocks = Object.fromEntries(
      deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(entered)] }, contextOf("north-somerset"), { now: london("2027-10-20", "10:00"), dueSoonHours: 48 }).map((d) => [d.id, d])
    )
    expect(clocks["child-1:r33:la-1:2"]).toMatchObject({ state: "met", metAt: london("2027-04-20", "14:00"), metLate: false })
    expect(clocks["child-1:r33:la-1:3"]).toMatchObject({ state: "met", metAt: london("2027-10-12", "14:00"), metLate: false })
  })
})
