import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 9 in care under a care order from Monday 4 January 2027, first reviewed on Thursday 28 January, who
// died on Wednesday 10 February; the death is recorded the next day. Recording the death changes nothing else on the
// record: the child stays looked after, the second review falls due 3 months after the first, and later steps dated
// after the death are taken as if the child were alive.
//
// Proposed fix (a product decision: what a recorded death ends, and at which instant of the day): recording a death
// also ends an open period of being looked after (reason "the child died"), so no further review is asked for (the
// social worker can do it by hand today, with RecordLookedAfterEnded, but nothing prompts it); and a review, a legal
// status or a period in secure accommodation dated after the day of the death is refused, naming the death.
const died = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2018-03-01" }, london("2027-01-04", "09:00")),
    cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
    cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-01-28", "14:00"), iroName: "Imogen Reyes" }, london("2027-01-28", "16:00")),
    cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-11", "09:00"))
  ])

describe("a child's looked-after reviews after the child's recorded death (STAT-R33)", () => {
  it.fails("STAT-R33: once the death is recorded, no further looked-after review is asked for", () => {
    const running = openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(died())] }, contextOf("north-somerset"), { now: london("2027-05-03", "09:00"), dueSoonHours: 48 }))
    // Today: "child-1:r33:la-1:2", overdue since 14:00 Wed 28 Apr 2027.
    expect(running.map((clock) => clock.id)).toEqual([])
  })

  it.fails("STAT-R33: a looked-after review dated after the child's death is refused", () => {
    // Today: recorded, and it meets the second review's clock.
    expect(northSomerset.given(died()).when(cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-04-20", "14:00"), iroName: "Imogen Reyes" }, london("2027-04-20", "16:00"))).refusal()).toMatchObject({
      _tag: "LookedAfterRefused"
    })
  })
})
