import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

// An 8-day order made at 14:00 on Wednesday 10 March 2027, lapsed at 14:00 on Thursday 18 March with no end recorded
// yet. On Thursday 25 March the social worker finds an order of February (made Monday 1 February) that was never
// recorded, and tries to record it now. Recorded as the latest order, it would meet the March order's clock (before
// that order was made) and take the March order's end when it is recorded, leaving the March order's end unrecordable.
type When = ReturnType<typeof london>
const order = (madeAt: When, at: When) => cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days: 8 }, at)
const march = () => northSomerset.play([order(london("2027-03-10", "14:00"), london("2027-03-10", "15:00"))])

describe("an emergency protection order made before the latest one recorded (STAT-S44)", () => {
  it("STAT-S44: the February order, recorded after the March one, is refused, naming the March order", () => {
    expect(northSomerset.given(march()).when(order(london("2027-02-01", "14:00"), london("2027-03-25", "15:00"))).refusal()).toMatchObject({
      _tag: "EpoNotInForce",
      ruleId: "STAT-S44",
      message:
        "The child's latest emergency protection order was made at 14:00 Wed 10 Mar 2027; an order made at 14:00 Mon 1 Feb 2027 comes before it: orders are recorded in the order the court made them (STAT-S44)."
    })
  })

  it("STAT-S44: after the March order's recorded end, an order made before that end is refused, and one made at it is recorded", () => {
    const ended = northSomerset.play(
      [cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "discharged_by_court", endedAt: london("2027-03-15", "11:00") }, london("2027-03-15", "12:00"))],
      march()
    )
    expect(northSomerset.given(ended).when(order(london("2027-03-12", "14:00"), london("2027-03-25", "15:00"))).refusal()).toMatchObject({
      message:
        "The child's latest emergency protection order ended at 11:00 Mon 15 Mar 2027; an order made at 14:00 Fri 12 Mar 2027 comes before that: orders are recorded in the order the court made them (STAT-S44)."
    })
    expect(northSomerset.given(ended).when(order(london("2027-03-15", "11:00"), london("2027-03-25", "15:00"))).events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderMade", orderId: "epo-2", madeAt: london("2027-03-15", "11:00") }
    ])
  })
})
