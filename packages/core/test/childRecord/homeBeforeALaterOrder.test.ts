import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child looked after under police protection in the authority's accommodation (L1) from 10:00 on 1 March 2027 goes
// home when it ends at 11:00 on 3 March; an interim care order (C1) from 10 March is recorded before police
// protection's end is. Days at home between two statuses are not looked after: the period ends when she went home and
// a new one begins with the order, so STAT-R33's first review counts from the order. An emergency protection order
// ended with the child home before a later order does the same (decideEpo.ts, statusAfterTheOrder).

const placed = cmd({ _tag: "RecordLookedAfterFromPlacement", route: "police_protection_accommodation", code: "L1", from: london("2027-03-01", "10:00"), placementId: "plc_7" }, london("2027-03-01", "10:00"))
const order = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-10", "14:00") }, london("2027-03-10", "15:00"))
const home = cmd(
  { _tag: "RecordLookedAfterEndedFromPlacement", basis: "police_protection", endedAt: london("2027-03-03", "11:00"), reason: "police protection ended: the child was returned home (STAT-S46)", placementId: "plc_7" },
  london("2027-03-11", "09:00")
)
const periodsOf = (record: ReturnType<typeof recordOf>) => record.lookedAfter.map((period) => [period.periodId, period.from, period.ended?.endedAt, period.code])
/** The STAT-R33 review clocks running on 12 March 2027, each with its due date. */
const reviewsDue = (record: ReturnType<typeof recordOf>) =>
  openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [record] }, contextOf("north-somerset"), { now: london("2027-03-12", "09:00"), dueSoonHours: 48 }))
    .filter((clock) => clock.ruleId === "STAT-R33")
    .map((clock) => [clock.id, clock.due])

describe("given a child under police protection (L1), then an interim care order recorded before police protection's end", () => {
  it("STAT-R33, STAT-S46: when police protection is recorded as ended with the child home before the order, the period ends then and a new one begins with the order, its first review counted from it", () => {
    const record = recordOf(northSomerset.play([placed, order, home]))
    expect(periodsOf(record)).toEqual([
      ["la-1", london("2027-03-01", "10:00"), london("2027-03-03", "11:00"), "L1"],
      ["la-2", london("2027-03-10", "14:00"), undefined, "C1"]
    ])
    expect(record.lookedAfter[0]?.ended?.reason).toBe("police protection ended: the child was returned home (STAT-S46)")
    // The same as when the end is recorded first.
    expect(periodsOf(recordOf(northSomerset.play([placed, home, order])))).toEqual(periodsOf(record))
    expect(reviewsDue(record)).toEqual(reviewsDue(recordOf(northSomerset.play([placed, home, order]))))
    expect(reviewsDue(record).map(([id]) => id)).toEqual(["child-1:r33:la-2:1"])
  })
})

describe("given a child under an emergency protection order (L2), then an interim care order recorded before the order's end", () => {
  it("STAT-R33, STAT-S44: when the order is recorded as ended with the child home before the interim care order, the period ends then and a new one begins with it", () => {
    const epo = cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "10:00"), days: 8 }, london("2027-03-01", "10:00"))
    const removed = cmd({ _tag: "RecordLegalStatus", code: "L2", from: london("2027-03-01", "10:00") }, london("2027-03-01", "10:05"))
    const epoHome = cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "returned_home", endedAt: london("2027-03-03", "11:00") }, london("2027-03-11", "09:00"))
    const record = recordOf(northSomerset.play([epo, removed, order, epoHome]))
    expect(periodsOf(record)).toEqual([
      ["la-1", london("2027-03-01", "10:00"), london("2027-03-03", "11:00"), "L2"],
      ["la-2", london("2027-03-10", "14:00"), undefined, "C1"]
    ])
  })
})
