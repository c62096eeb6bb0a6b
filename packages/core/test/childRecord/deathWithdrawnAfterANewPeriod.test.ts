import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child in care under a care order from Monday 4 January 2027, first reviewed on Thursday 28 January. A death on
// 10 February is recorded against this child by mistake on 11 February, which ends the period (la-1, "died"). Before
// the mistake is found, an interim care order (C1) from 1 March is recorded for the child. A child recorded as dead gets
// no new legal status or looked-after period, so the order is refused until the death is withdrawn.
const inCare = [
  cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
  cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-01-28", "14:00"), iroName: "Imogen Reyes" }, london("2027-01-28", "16:00")),
  cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-11", "09:00"))
]
const order = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-01", "10:00") }, london("2027-03-01", "10:00"))
const withdrawal = cmd({ _tag: "WithdrawChildRecordEntry", entry: { kind: "death", diedOn: "2027-02-10" }, reason: "Recorded against the wrong child" }, london("2027-03-02", "09:00"), "teamManager")

describe("a legal status recorded for a child recorded as dead (STAT-R33)", () => {
  it("STAT-R33: the order from 1 March is refused, naming the death and how to withdraw it, and nothing is recorded", () => {
    const refusal = northSomerset.given(northSomerset.play(inCare)).when(order).refusal()
    expect(refusal).toMatchObject({
      _tag: "LegalStatusRefused",
      code: "C1",
      message:
        "The child is recorded as having died on Wed 10 Feb 2027; a legal status C1 from 10:00 Mon 1 Mar 2027 cannot begin then: a child recorded as dead gets no new legal status or looked-after period. If the death was recorded by mistake, withdraw it first (withdrawChildDeath), then record this again."
    })
  })

  it("STAT-R33: a legal status later on the day of the death, after the death was recorded, is refused too", () => {
    const diedToday = northSomerset.play([...inCare.slice(0, 2), cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-10", "09:00"))])
    const lateThatDay = cmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-02-10", "15:00") }, london("2027-02-10", "16:00"))
    expect(northSomerset.given(diedToday).when(lateThatDay).refusal().message).toContain("recorded as having died on Wed 10 Feb 2027; a legal status C1 from 15:00 Wed 10 Feb 2027 cannot begin then")
  })

  it("STAT-R33: once the death is withdrawn, the order is a change within the one period from 4 January, with one review running", () => {
    const record = recordOf(northSomerset.play([...inCare, withdrawal, order]))
    expect(record.lookedAfter.map((period) => [period.periodId, period.ended])).toEqual([["la-1", undefined]])
    expect(record.legalStatuses.map((status) => status.code)).toEqual(["C2", "C1"])
    const running = openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [record] }, contextOf("north-somerset"), { now: london("2027-03-02", "10:00"), dueSoonHours: 48 }))
    expect(running.map((clock) => clock.id)).toEqual(["child-1:r33:la-1:2"])
  })
})
