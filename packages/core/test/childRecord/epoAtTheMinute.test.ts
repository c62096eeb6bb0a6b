import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

// An order made at 14:00 on Thursday 25 March 2027 for 8 days lapses at 14:00 on Friday 2 April.
const madeAt = london("2027-03-25", "14:00")
const order = (at = madeAt, when = london("2027-03-25", "15:00"), days = 8) => cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: at, days }, when)
const made = () => northSomerset.play([order()])
const ended = (when: ReturnType<typeof london>, endedAt?: ReturnType<typeof london>) =>
  cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "returned_home", ...(endedAt === undefined ? {} : { endedAt }) }, when)

describe("emergency protection orders at the edges of their time (STAT-S44)", () => {
  it("STAT-S44: a new order recorded at the very minute the last one lapses is accepted: the last is no longer in force", () => {
    const lapse = london("2027-04-02", "14:00")
    expect(northSomerset.given(made()).when(order(lapse, lapse, 3)).events()).toMatchObject([{ _tag: "EmergencyProtectionOrderMade", orderId: "epo-2", madeAt: lapse }])
  })

  it("STAT-S44: once its end is recorded, the order is not in force: a new one is accepted the next day, and there is nothing to extend", () => {
    const done = northSomerset.play([ended(london("2027-03-29", "11:00"))], made())
    expect(northSomerset.given(done).when(order(london("2027-03-30", "09:00"), london("2027-03-30", "10:00"))).events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderMade", orderId: "epo-2" }
    ])
    expect(northSomerset.given(done).when(cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 2 }, london("2027-03-30", "10:00"))).refusal()).toMatchObject({
      _tag: "EpoNotInForce",
      ruleId: "STAT-S44",
      message: "There is no emergency protection order in force to extend (STAT-S44)."
    })
  })

  it("STAT-S44: an order discharged at the minute it was made is recorded; a second extension is refused with no days left to give", () => {
    expect(northSomerset.given(made()).when(ended(london("2027-03-25", "15:00"), madeAt)).events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderEnded", endedAt: madeAt }
    ])
    const extended = northSomerset.play([cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7 }, london("2027-04-01", "16:00"))], made())
    expect(northSomerset.given(extended).when(cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 1 }, london("2027-04-05", "09:00"))).refusal()).toMatchObject({
      _tag: "EpoPeriodRefused",
      ruleId: "STAT-S44",
      maxDays: 0
    })
  })

  it("an order, or its end, still to come is refused saying what and when, so the social worker can correct the time", () => {
    expect(northSomerset.given([]).when(order(london("2027-03-25", "16:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "An emergency protection order made at 16:00 Thu 25 Mar 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given(made()).when(ended(london("2027-03-29", "11:00"), london("2027-03-29", "12:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The end of the emergency protection order at 12:00 Mon 29 Mar 2027 is still to come: record it once it has happened."
    })
  })

  it("STAT-S44: an end dated before the order's extension was recorded is refused: the order was still in force then", () => {
    const extended = northSomerset.play([cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 5 }, london("2027-04-01", "16:00"))], made())
    expect(northSomerset.given(extended).when(ended(london("2027-04-03", "10:00"), london("2027-04-01", "15:59"))).refusal()).toMatchObject({
      _tag: "EpoNotInForce",
      ruleId: "STAT-S44",
      message: "The order was extended at 16:00 Thu 1 Apr 2027, so it was still in force then; it cannot have ended before, at 15:59 Thu 1 Apr 2027 (STAT-S44)."
    })
    expect(northSomerset.given(extended).when(ended(london("2027-04-03", "10:00"), london("2027-04-01", "16:00"))).events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderEnded", endedAt: london("2027-04-01", "16:00") }
    ])
  })
})
