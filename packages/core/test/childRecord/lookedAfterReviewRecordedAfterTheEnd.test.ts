import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child under an interim care order from Monday 4 January 2027, home to her mother on Friday 5 February. Her first
// review was held on Thursday 28 January; the IRO's note reaches the social worker after she has gone home.
type When = ReturnType<typeof london>
const c1 = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00"))
const home = cmd({ _tag: "RecordLookedAfterEnded", endedAt: london("2027-02-05", "10:00"), reason: "returned home to her mother" }, london("2027-02-05", "10:00"))
const review = (heldAt: When, at: When) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName: "Imogen Reyes" }, at)
const wentHome = () => northSomerset.play([c1, home])

describe("a looked-after review held while the child was looked after, recorded after they ceased to be (STAT-R33)", () => {
  it("STAT-R33: the review held on 28 January is recorded on the period it was held in, and the first review's clock shows it met on time", () => {
    const recorded = northSomerset.play([review(london("2027-01-28", "14:00"), london("2027-02-08", "09:00"))], wentHome())
    expect(recordOf(recorded).lookedAfter[0]!.reviews.map((held) => [held.heldAt, held.iroName])).toEqual([[london("2027-01-28", "14:00"), "Imogen Reyes"]])
    const clocks = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(recorded)] }, contextOf("north-somerset"), { now: london("2027-02-08", "09:30"), dueSoonHours: 48 })
    expect(clocks.map((clock) => [clock.id, clock.state, clock.metAt, clock.metLate])).toEqual([["child-1:r33:la-1:1", "met", london("2027-01-28", "14:00"), false]])
  })

  it("STAT-R33: a review dated after she went home is refused, saying when she ceased to be looked after", () => {
    expect(northSomerset.given(wentHome()).when(review(london("2027-02-08", "09:00"), london("2027-02-08", "09:30"))).refusal()).toMatchObject({
      _tag: "LookedAfterRefused",
      ruleId: "STAT-R33",
      message: "The child ceased to be looked after at 10:00 Fri 5 Feb 2027; a review at 09:00 Mon 8 Feb 2027 comes after that (STAT-R33)."
    })
  })

  it("STAT-R33: once she is looked after again, a review from the first period is still recorded on it, and one between the periods is refused, naming both", () => {
    const again = northSomerset.play([cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-06-01", "10:00") }, london("2027-06-01", "10:00"))], wentHome())
    const recorded = northSomerset.play([review(london("2027-01-28", "14:00"), london("2027-06-02", "09:00"))], again)
    expect(recordOf(recorded).lookedAfter.map((period) => [period.periodId, period.reviews.length])).toEqual([
      ["la-1", 1],
      ["la-2", 0]
    ])
    expect(northSomerset.given(again).when(review(london("2027-03-01", "14:00"), london("2027-06-02", "09:00"))).refusal()).toMatchObject({
      message:
        "The child ceased to be looked after at 10:00 Fri 5 Feb 2027; a review at 14:00 Mon 1 Mar 2027 comes after that, and before they became looked after again at 10:00 Tue 1 Jun 2027 (STAT-R33)."
    })
  })
})
