import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 9 in care under a care order from Monday 4 January 2027, first reviewed on Thursday 28 January, who
// died on Wednesday 10 February; the death is recorded the next day. Before, recording the death changed nothing else
// on the record: the child stayed looked after, the second review fell due 3 months after the first, and a review
// dated after the death was accepted. Now the death ends the open period (reason "died") when the day of the death
// ends (or when it is recorded, on that day), and a review dated after the day of the death is refused, naming it.
const died = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2018-03-01" }, london("2027-01-04", "09:00")),
    cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
    cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-01-28", "14:00"), iroName: "Imogen Reyes" }, london("2027-01-28", "16:00")),
    cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-11", "09:00"))
  ])

describe("a child's looked-after reviews after the child's recorded death (STAT-R33)", () => {
  it("STAT-R33: once the death is recorded, no further looked-after review is asked for", () => {
    const running = openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(died())] }, contextOf("north-somerset"), { now: london("2027-05-03", "09:00"), dueSoonHours: 48 }))
    // Before: "child-1:r33:la-1:2", overdue since 14:00 Wed 28 Apr 2027.
    expect(running.map((clock) => clock.id)).toEqual([])
  })

  it("STAT-R33: a looked-after review dated after the child's death is refused, naming the death", () => {
    // Before: recorded, and it met the second review's clock.
    expect(northSomerset.given(died()).when(cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-04-20", "14:00"), iroName: "Imogen Reyes" }, london("2027-04-20", "16:00"))).refusal()).toMatchObject({
      _tag: "LookedAfterRefused",
      ruleId: "STAT-R33",
      message: "The child died on Wed 10 Feb 2027; a looked-after review at 14:00 Tue 20 Apr 2027 comes after the death (STAT-R33)."
    })
  })

  it("STAT-R33: the death ends the period when the day of the death ends, so a review held that day, recorded later, is still recorded on it", () => {
    const events = died()
    expect(events.at(-1)).toMatchObject({ _tag: "LookedAfterEnded", periodId: "la-1", endedAt: london("2027-02-11", "00:00"), reason: "died" })
    const review = cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-02-10", "09:00"), iroName: "Imogen Reyes" }, london("2027-02-12", "10:00"))
    expect(northSomerset.given(events).when(review).events()).toMatchObject([{ _tag: "LookedAfterReviewHeld", periodId: "la-1", heldAt: london("2027-02-10", "09:00") }])
  })

  it("STAT-R33: a death recorded on its own day ends the period when it is recorded", () => {
    const sameDay = northSomerset.play([
      cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
      cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-10", "17:30"))
    ])
    expect(sameDay.at(-1)).toMatchObject({ _tag: "LookedAfterEnded", endedAt: london("2027-02-10", "17:30"), reason: "died" })
  })

  it("STAT-R33: a death dated before a review, or before the period began, already on the record is refused, naming it", () => {
    const reviewed = northSomerset.play([
      cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
      cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-01-28", "14:00"), iroName: "Imogen Reyes" }, london("2027-01-28", "16:00"))
    ])
    const death = (diedOn: string) => northSomerset.given(reviewed).when(cmd({ _tag: "RecordChildDeath", diedOn }, london("2027-02-11", "09:00")))
    expect(death("2027-01-27").refusal()).toMatchObject({
      _tag: "ChildFactRefused",
      ruleId: "STAT-R33",
      message: "A looked-after review was held at 14:00 Thu 28 Jan 2027, after a death on Wed 27 Jan 2027: check the date of death (STAT-R33)."
    })
    expect(death("2027-01-28").events().map((event) => event._tag)).toEqual(["ChildDeathRecorded", "LookedAfterEnded"])
    const placed = northSomerset.play([cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-03-01", "10:00") }, london("2027-03-01", "10:00"))])
    expect(northSomerset.given(placed).when(cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-28" }, london("2027-03-02", "09:00"))).refusal()).toMatchObject({
      message: "The child became looked after at 10:00 Mon 1 Mar 2027, after a death on Sun 28 Feb 2027: check the date of death (STAT-R33)."
    })
  })
})
