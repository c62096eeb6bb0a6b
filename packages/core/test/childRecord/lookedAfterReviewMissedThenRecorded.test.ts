import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child under a care order from Monday 4 January 2027, reviewed on Thursday 28 January, on Tuesday 20 April (the
// second review, due by 28 April) and on Tuesday 12 October. The October review is recorded first; the April one was
// not entered at the time, and the social worker enters it afterwards: it takes its place between the others, and the
// clocks count it as the second review, met in time (before, it was refused and October's read as a late second).

type When = ReturnType<typeof london>
const review = (heldAt: When, at: When = heldAt) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName: "Imogen Reyes" }, at)
const octoberFirst = () =>
  northSomerset.play([
    cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
    review(london("2027-01-28", "14:00")),
    review(london("2027-10-12", "14:00"))
  ])

describe("a looked-after review entered after a later one (STAT-R33)", () => {
  it("STAT-R33: the April review, entered after October's, is recorded and meets the second review's clock in time", () => {
    const entered = northSomerset.play([review(london("2027-04-20", "14:00"), london("2027-10-20", "09:00"))], octoberFirst())
    const clocks = Object.fromEntries(
      deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(entered)] }, contextOf("north-somerset"), { now: london("2027-10-20", "10:00"), dueSoonHours: 48 }).map((d) => [d.id, d])
    )
    expect(clocks["child-1:r33:la-1:2"]).toMatchObject({ state: "met", metAt: london("2027-04-20", "14:00"), metLate: false })
    expect(clocks["child-1:r33:la-1:3"]).toMatchObject({ state: "met", metAt: london("2027-10-12", "14:00"), metLate: false })
  })

  test.prop([fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4 })])("STAT-R33: reviews entered in any order leave the same reviews, in the order held, and the same clocks", (order) => {
    const held = [london("2027-01-28", "14:00"), london("2027-04-20", "14:00"), london("2027-10-12", "14:00"), london("2028-03-30", "11:00")]
    const start = cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00"))
    const enteredAt = london("2028-04-03", "09:00")
    const record = (indices: ReadonlyArray<number>) => recordOf(northSomerset.play([start, ...indices.map((i) => review(held[i]!, enteredAt))]))
    const clocksOf = (indices: ReadonlyArray<number>) =>
      deadlinesOf({ referrals: [], sittings: [], childRecords: [record(indices)] }, contextOf("north-somerset"), { now: enteredAt, dueSoonHours: 48 }).map((d) => [d.id, d.state, d.metLate])
    expect(record(order).lookedAfter[0]!.reviews.map((r) => r.heldAt)).toEqual(held)
    expect(clocksOf(order)).toEqual(clocksOf([0, 1, 2, 3]))
  })
})
