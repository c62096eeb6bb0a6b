import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const c2 = cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00"))
const review = (heldAt: ReturnType<typeof london>) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName: "Imogen Reyes" }, heldAt)
const reviewed = () => northSomerset.play([c2, review(london("2027-01-28", "14:00")), review(london("2027-04-20", "14:00")), review(london("2027-10-12", "14:00"))])
const clocks = (events: ReturnType<typeof reviewed>, now: ReturnType<typeof london>) =>
  deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 })

describe("looked-after reviews over a period (STAT-R33)", () => {
  it("STAT-R33: given three reviews held, each clock is met by its own review, and the fourth is due 6 months after the third, each titled for the IRO", () => {
    const list = clocks(reviewed(), london("2027-10-13", "09:00"))
    expect(list.map((clock) => [clock.id, clock.state, clock.metAt, clock.title])).toEqual([
      ["child-1:r33:la-1:1", "met", london("2027-01-28", "14:00"), "First looked-after review, chaired by the child's Independent Reviewing Officer"],
      ["child-1:r33:la-1:2", "met", london("2027-04-20", "14:00"), "Second looked-after review, chaired by the child's Independent Reviewing Officer"],
      ["child-1:r33:la-1:3", "met", london("2027-10-12", "14:00"), "Review 3: looked-after review, chaired by the child's Independent Reviewing Officer"],
      ["child-1:r33:la-1:4", "pending", undefined, "Review 4: looked-after review, chaired by the child's Independent Reviewing Officer"]
    ])
    expect(list[3]).toMatchObject({ about: { kind: "child", id: "child-1" }, due: london("2028-04-12", "14:00") })
  })

  it("STAT-R33: when the child ceases to be looked after, the reviews held stay met and no further one is asked for", () => {
    const ended = northSomerset.play(
      [cmd({ _tag: "RecordLookedAfterEnded", endedAt: london("2027-11-01", "12:00"), reason: "adopted by her foster carers" }, london("2027-11-01", "12:00"))],
      reviewed()
    )
    expect(clocks(ended, london("2028-06-01", "09:00")).map((clock) => [clock.id, clock.state])).toEqual([
      ["child-1:r33:la-1:1", "met"],
      ["child-1:r33:la-1:2", "met"],
      ["child-1:r33:la-1:3", "met"]
    ])
  })
})
