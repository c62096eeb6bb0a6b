import { describe, expect, it } from "vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child removed under an emergency protection order at 14:00 on Monday 1 March 2027, looked after under it (L2),
// whose looked-after review was held at 10:00 on Friday 5 March. The order is then recorded as ended with the child
// returned home on Thursday 4 March, before that review. Looked-after status recorded by hand cannot end before the
// last review (STAT-R33); the order's end used to be recorded and the period silently kept open across the days at
// home, with its reviews still falling due. Now the end is refused, as the hand-recorded one is, naming the review.

const removed = () =>
  northSomerset.play([
    cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "14:00"), days: 8 }, london("2027-03-01", "15:00")),
    cmd({ _tag: "RecordLegalStatus", code: "L2", from: london("2027-03-01", "14:00") }, london("2027-03-01", "15:00")),
    cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-03-05", "10:00"), iroName: "Imogen Reyes" }, london("2027-03-05", "12:00"))
  ])
const orderEnded = (outcome: string, endedAt: ReturnType<typeof london>) =>
  cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome, endedAt }, london("2027-03-06", "09:00"))

describe("an order's end with the child at home, dated before a looked-after review held since (STAT-S44, STAT-R33)", () => {
  it("STAT-R33: is refused, naming the review, and nothing is recorded", () => {
    for (const outcome of ["returned_home", "discharged_by_court"]) {
      const refusal = northSomerset.given(removed()).when(orderEnded(outcome, london("2027-03-04", "11:00"))).refusal()
      expect(refusal).toMatchObject({ _tag: "LookedAfterRefused", ruleId: "STAT-R33" })
      expect(refusal.message).toMatch(
        /^Looked-after status cannot end at 11:00 Thu 4 Mar 2027 \(.+\), before the last review at 10:00 Fri 5 Mar 2027: check when the order ended\.$/
      )
    }
  })

  it("STAT-R33: ended at the review's own minute or after it, the period ends then", () => {
    for (const endedAt of [london("2027-03-05", "10:00"), london("2027-03-05", "17:00")]) {
      const home = recordOf(northSomerset.play([orderEnded("returned_home", endedAt)], removed()))
      expect(home.lookedAfter.map((period) => period.ended?.endedAt)).toEqual([endedAt])
    }
  })
})
