import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child under an interim care order from 11:00 on Monday 1 March 2027 (in foster care, which Carepanel does not
// hold), moved to her aunt under Regulation 24 at 15:00 on Wednesday 10 March. The placement's record makes her looked
// after from 10 March; on Friday 12 March the social worker records the ICO (C1) from 1 March. A child under an
// interim care order is looked after (every SSDA903 legal status is a looked-after child's), so STAT-R33's 20 working
// days count from 1 March: the first review is due at 11:00 on Wednesday 31 March (Good Friday and Easter Monday
// skipped), as it is when the ICO is recorded first. Before, the ICO only changed the legal status and the period kept
// the placement's start, so the clock said 15:00 Fri 9 Apr 2027: nine days later than the law. Now a legal status from
// before the open period began (and not before the period before it ended) moves the period's start back to it.
const placement = cmd(
  { _tag: "RecordLookedAfterFromPlacement", route: "regulation24_placement", from: london("2027-03-10", "15:00"), placementId: "placement-7" },
  london("2027-03-10", "15:00")
)
const ico = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-01", "11:00") }, london("2027-03-12", "09:00"))
const firstReviewOf = (events: ReturnType<typeof northSomerset.play>) =>
  deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now: london("2027-04-01", "09:00"), dueSoonHours: 48 }).find(
    (clock) => clock.id === "child-1:r33:la-1:1"
  )
const placedThenIco = () => northSomerset.play([placement, ico])

describe("a legal status recorded from before the looked-after period began (STAT-R33)", () => {
  it("STAT-R33: the ICO from 1 March, recorded after the placement of 10 March, makes the first review due 20 working days from 1 March", () => {
    expect(firstReviewOf(placedThenIco())).toMatchObject({ due: london("2027-03-31", "11:00"), state: "overdue" })
  })

  it("STAT-R33: the period then reads as begun by the ICO on 1 March, keeping the placement, and its first review is due as when the ICO is recorded first", () => {
    expect(recordOf(placedThenIco()).lookedAfter).toMatchObject([{ periodId: "la-1", from: london("2027-03-01", "11:00"), route: "legal_status", code: "C1", placementId: "placement-7" }])
    const icoFirst = northSomerset.play([{ ...ico, at: london("2027-03-01", "11:00") }, placement])
    expect(firstReviewOf(placedThenIco())).toMatchObject({ due: firstReviewOf(icoFirst)!.due, explanation: firstReviewOf(icoFirst)!.explanation })
    expect(firstReviewOf(placedThenIco())!.explanation).toContain("the child became looked after at 11:00 Mon 1 Mar 2027 (legal status C1: interim care order)")
  })

  it("STAT-R33: a status from before the period before ended changes only the legal status: the open period keeps its start", () => {
    const events = northSomerset.play([
      cmd({ _tag: "RecordLegalStatus", code: "V2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
      cmd({ _tag: "RecordLookedAfterEnded", reason: "Returned home", endedAt: london("2027-03-05", "10:00") }, london("2027-03-05", "10:00")),
      placement,
      ico
    ])
    expect(recordOf(events).lookedAfter.map((period) => [period.periodId, period.from])).toEqual([
      ["la-1", london("2027-01-04", "10:00")],
      ["la-2", london("2027-03-10", "15:00")]
    ])
    expect(recordOf(events).legalStatuses.at(-1)).toMatchObject({ code: "C1", from: london("2027-03-01", "11:00") })
  })
})
