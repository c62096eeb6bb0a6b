import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 9, never looked after, who died on Wednesday 10 February 2027; the death is recorded on 11 February.
// On 15 February the social worker enters, late, the interim care order (C1) made on 1 February, before the death: true,
// so it is recorded. Before, it opened a period of being looked after that nothing ever ended: the record showed the
// child looked after to this day, and the first looked-after review fell due on 1 March, for a child who had died.
// Now the period ends at the death, as one open when the death was recorded does; withdrawing the death reopens it.
const died = [
  cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2018-03-01" }, london("2027-01-04", "09:00")),
  cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-11", "09:00"))
]
const orderEnteredLate = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-02-01", "11:00") }, london("2027-02-15", "10:00"))
const withdrawal = cmd({ _tag: "WithdrawChildRecordEntry", entry: { kind: "death", diedOn: "2027-02-10" }, reason: "Recorded against the wrong child" }, london("2027-02-16", "09:00"), "teamManager")
const runningOn = (events: Parameters<typeof recordOf>[0], now: ReturnType<typeof london>) =>
  openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 })).map((clock) => clock.id)

describe("a legal status dated before a recorded death, entered after it (STAT-R33)", () => {
  it("STAT-R33: the order is recorded, and the period it opens ends when the day of the death ends, reason died", () => {
    const record = recordOf(northSomerset.play([...died, orderEnteredLate]))
    expect(record.legalStatuses.map((status) => [status.code, status.from])).toEqual([["C1", london("2027-02-01", "11:00")]])
    expect(record.lookedAfter.map((period) => [period.periodId, period.from, period.ended?.endedAt, period.ended?.reason])).toEqual([
      ["la-1", london("2027-02-01", "11:00"), london("2027-02-11", "00:00"), "died"]
    ])
  })

  it("STAT-R33: no looked-after review is asked for the child who died", () => {
    // Before: "child-1:r33:la-1:1", the first review due 20 working days after 1 February, overdue from 1 March.
    expect(runningOn(northSomerset.play([...died, orderEnteredLate]), london("2027-03-02", "09:00"))).toEqual([])
  })

  it("STAT-R33: a placement dated before the death, entered after it, is ended at the death the same way", () => {
    const placed = cmd({ _tag: "RecordLookedAfterFromPlacement", route: "s20_accommodation", from: london("2027-02-03", "15:00"), placementId: "placement-7", code: "V2" }, london("2027-02-15", "10:00"))
    const record = recordOf(northSomerset.play([...died, placed]))
    expect(record.lookedAfter.map((period) => [period.periodId, period.route, period.ended?.endedAt, period.ended?.reason])).toEqual([["la-1", "s20_accommodation", london("2027-02-11", "00:00"), "died"]])
  })

  it("STAT-R33: once the death is withdrawn, the period from 1 February is open again, with its first review due", () => {
    const events = northSomerset.play([...died, orderEnteredLate, withdrawal])
    expect(recordOf(events).lookedAfter.map((period) => [period.periodId, period.from, period.ended])).toEqual([["la-1", london("2027-02-01", "11:00"), undefined]])
    expect(runningOn(events, london("2027-03-02", "09:00"))).toEqual(["child-1:r33:la-1:1"])
  })
})
