import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child removed under an 8-day emergency protection order at 14:00 on Monday 1 March 2027, recorded as looked
// after under it (SSDA903 L2, as the domain guide asks). How the order ended now follows on the record, as police
// protection's outcome does for a placement (regulation24/lookedAfterFromPlacement.ts): home (or the order
// discharged) ends the looked-after period at the order's end; an interim care order records C1 and s20 accommodation
// V2 from it, in the same period, without restarting STAT-R33's count. Before, the child stayed looked after under L2.

type When = ReturnType<typeof london>
const removed = () =>
  northSomerset.play([
    cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "14:00"), days: 8 }, london("2027-03-01", "15:00")),
    cmd({ _tag: "RecordLegalStatus", code: "L2", from: london("2027-03-01", "14:00") }, london("2027-03-01", "15:00"))
  ])
const orderEnded = (outcome: string, endedAt: When) => cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome, endedAt }, endedAt)

describe("how an emergency protection order ended, and the child's looked-after status under it (STAT-S44, STAT-R33)", () => {
  it("STAT-R33: a child returned home when the order ended is asked for no looked-after review weeks later", () => {
    const home = northSomerset.play([orderEnded("returned_home", london("2027-03-05", "11:00"))], removed())
    const running = openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(home)] }, contextOf("north-somerset"), { now: london("2027-04-01", "09:00"), dueSoonHours: 48 }))
    // Before: "child-1:r33:la-1:1", the first review, overdue since 14:00 Wed 31 Mar 2027, for a child at home since 5 March.
    expect(running.map((clock) => clock.id)).toEqual([])
  })

  it("an interim care order at the order's end makes the child's legal status C1, in the same looked-after period", () => {
    const ico = northSomerset.play([orderEnded("interim_care_order", london("2027-03-08", "12:00"))], removed())
    // Before: the legal status stayed L2 (emergency protection order) after the order had ended.
    expect(recordOf(ico).legalStatuses.map((status) => [status.code, status.from])).toEqual([
      ["L2", london("2027-03-01", "14:00")],
      ["C1", london("2027-03-08", "12:00")]
    ])
  })

  it("s20 accommodation at the order's end makes the status V2 in the same period; a child under a care order by then keeps it", () => {
    const s20 = recordOf(northSomerset.play([orderEnded("accommodated_s20", london("2027-03-08", "12:00"))], removed()))
    expect(s20.legalStatuses.at(-1)).toMatchObject({ code: "V2", from: london("2027-03-08", "12:00") })
    expect(s20.lookedAfter.map((period) => [period.from, period.ended])).toEqual([[london("2027-03-01", "14:00"), undefined]])
    const underCareOrder = northSomerset.play([cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-03-04", "10:00") }, london("2027-03-04", "10:00"))], removed())
    const home = recordOf(northSomerset.play([orderEnded("returned_home", london("2027-03-05", "11:00"))], underCareOrder))
    expect(home.legalStatuses.at(-1)?.code).toBe("C2")
    expect(home.lookedAfter[0]!.ended).toBeUndefined()
  })
})
