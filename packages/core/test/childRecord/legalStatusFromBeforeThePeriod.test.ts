import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child under an interim care order from 11:00 on Monday 1 March 2027 (in foster care, which Carepanel does not
// hold), moved to her aunt under Regulation 24 at 15:00 on Wednesday 10 March. The placement's record makes her looked
// after from 10 March; on Friday 12 March the social worker records the ICO (C1) from 1 March. A child under an
// interim care order is looked after (every SSDA903 legal status is a looked-after child's), so STAT-R33's 20 working
// days count from 1 March: the first review is due at 11:00 on Wednesday 31 March (Good Friday and Easter Monday
// skipped), as it is when the ICO is recorded first. Today the ICO only changes the legal status and the period keeps
// the placement's start, so the clock says 15:00 Fri 9 Apr 2027: nine days later than the law.
//
// Proposed fix (a product decision: how the period then describes how it began): a legal status from before the open
// period began, and not before the previous period ended, moves the period's start back to it (a new event, or
// BecameLookedAfter's start corrected), by the route "legal_status" with that code, keeping the placement's id.
const placedThenIco = () =>
  northSomerset.play([
    cmd({ _tag: "RecordLookedAfterFromPlacement", route: "regulation24_placement", from: london("2027-03-10", "15:00"), placementId: "placement-7" }, london("2027-03-10", "15:00")),
    cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-01", "11:00") }, london("2027-03-12", "09:00"))
  ])

describe("a legal status recorded from before the looked-after period began (STAT-R33)", () => {
  it.fails("STAT-R33: the ICO from 1 March, recorded after the placement of 10 March, makes the first review due 20 working days from 1 March", () => {
    const clocks = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(placedThenIco())] }, contextOf("north-somerset"), {
      now: london("2027-04-01", "09:00"),
      dueSoonHours: 48
    })
    expect(clocks.find((clock) => clock.id === "child-1:r33:la-1:1")).toMatchObject({ due: london("2027-03-31", "11:00"), state: "overdue" })
  })
})
