import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A court's extension is recorded by the social worker after the hearing, sometimes the next day. Both extension
// commands take `extendedAt`, when the court extended (default: when recorded); every rule is judged then, and it
// meets the clock to the first end (or to the 26 weeks).
type When = ReturnType<typeof london>
const clocksOf = (events: ReturnType<typeof northSomerset.play>, now: When) =>
  Object.fromEntries(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d]))

describe("a court's extension recorded after the hearing (STAT-S44, STAT-S31)", () => {
  // An order made at 14:00 on Monday 1 March 2027 for 8 days, to 14:00 on Tuesday 9 March; the court extends it by
  // 7 days at 16:00 on Monday 8 March, and the social worker records the extension at 16:00 on Tuesday 9 March.
  // Before `extendedAt`: refused, "The emergency protection order ended at 14:00 Tue 9 Mar 2027; an order that has
  // lapsed cannot be extended: the court must make a new one", which is not what happened.
  it("STAT-S44: an extension the court made while the order was in force is recorded the day after its first end, and meets that end in time", () => {
    const order = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "14:00"), days: 8 }, london("2027-03-01", "15:00"))])
    const extension = cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7, extendedAt: london("2027-03-08", "16:00") }, london("2027-03-09", "16:00"))
    expect(northSomerset.given(order).when(extension).events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderExtended", orderId: "epo-1", days: 7, from: london("2027-03-09", "14:00"), endsAt: london("2027-03-16", "14:00") }
    ])
    const clocks = clocksOf(northSomerset.play([extension], order), london("2027-03-09", "17:00"))
    expect(clocks["child-1:epo:epo-1"]).toMatchObject({ state: "met", metAt: london("2027-03-08", "16:00"), metLate: false })
  })

  // Proceedings issued at 10:00 on Monday 4 January 2027: 26 weeks end at 10:00 on Monday 5 July. The court extends
  // by 8 weeks on Thursday 1 July; the extension is recorded on Wednesday 7 July. Before `extendedAt` the 26 weeks
  // showed "met late, at 10:00 Wed 7 Jul 2027", a breach that did not happen.
  it("STAT-S31: an extension the court made before the 26 weeks ran out, recorded after, meets the 26 weeks in time", () => {
    const issued = cmd({ _tag: "RecordProceedingsIssued", issuedAt: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00"))
    const extended = northSomerset.play([issued, cmd({ _tag: "ExtendProceedings", weeks: 8, extendedAt: london("2027-07-01", "11:00") }, london("2027-07-07", "10:00"))])
    expect(clocksOf(extended, london("2027-07-07", "11:00"))["child-1:proceedings-26w"]).toMatchObject({
      state: "met",
      metAt: london("2027-07-01", "11:00"),
      metLate: false
    })
  })

  it("STAT-S44: an extension dated after the order's first end, or before the order was made, or still to come, is refused, saying why", () => {
    const order = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "14:00"), days: 8 }, london("2027-03-01", "15:00"))])
    const extendAt = (extendedAt: When) => northSomerset.given(order).when(cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7, extendedAt }, london("2027-03-09", "16:00"))).refusal()
    expect(extendAt(london("2027-03-09", "14:00"))).toMatchObject({
      _tag: "EpoNotInForce",
      message:
        "The emergency protection order ended at 14:00 Tue 9 Mar 2027; an order that has lapsed cannot be extended: the court must make a new one. If the court extended it before then, give when (STAT-S44)."
    })
    expect(extendAt(london("2027-03-01", "13:59"))).toMatchObject({
      _tag: "EpoNotInForce",
      message: "The emergency protection order was made at 14:00 Mon 1 Mar 2027; it cannot have been extended before, at 13:59 Mon 1 Mar 2027 (STAT-S44)."
    })
    expect(extendAt(london("2027-03-09", "16:01"))).toMatchObject({
      _tag: "NotYetHappened",
      message: "An extension of the emergency protection order made at 16:01 Tue 9 Mar 2027 is still to come: record it once it has happened."
    })
  })

  it("STAT-S44: the order's end is not recorded before the court extended it", () => {
    const extended = northSomerset.play([
      cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-01", "14:00"), days: 8 }, london("2027-03-01", "15:00")),
      cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7, extendedAt: london("2027-03-08", "16:00") }, london("2027-03-09", "16:00"))
    ])
    const end = (endedAt: When) =>
      northSomerset.given(extended).when(cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "returned_home", endedAt }, london("2027-03-10", "09:00")))
    expect(end(london("2027-03-08", "15:00")).refusal()).toMatchObject({
      message: "The order was extended at 16:00 Mon 8 Mar 2027, so it was still in force then; it cannot have ended before, at 15:00 Mon 8 Mar 2027 (STAT-S44)."
    })
    expect(end(london("2027-03-09", "10:00")).events()).toMatchObject([{ _tag: "EmergencyProtectionOrderEnded", endedAt: london("2027-03-09", "10:00") }])
  })

  it("STAT-S31: an extension dated before the proceedings were issued, before the court's last extension, or still to come, is refused, saying why", () => {
    const issued = northSomerset.play([
      cmd({ _tag: "RecordProceedingsIssued", issuedAt: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
      cmd({ _tag: "ExtendProceedings", weeks: 8, extendedAt: london("2027-07-01", "11:00") }, london("2027-07-07", "10:00"))
    ])
    const second = (extendedAt: When) => cmd({ _tag: "ExtendProceedings", weeks: 4, extendedAt }, london("2027-08-02", "10:00"))
    const extendAt = (extendedAt: When) => northSomerset.given(issued).when(second(extendedAt))
    expect(extendAt(london("2027-06-30", "11:00")).refusal()).toMatchObject({
      _tag: "ProceedingsRefused",
      ruleId: "STAT-S31",
      message:
        "The court last extended the proceedings at 11:00 Thu 1 Jul 2027; an extension at 11:00 Wed 30 Jun 2027 comes before it: extensions are recorded in the order the court made them (STAT-S31)."
    })
    expect(extendAt(london("2027-08-02", "10:01")).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "An extension of care proceedings made at 10:01 Mon 2 Aug 2027 is still to come: record it once it has happened."
    })
    expect(
      northSomerset
        .given(issued.slice(0, 2))
        .when(cmd({ _tag: "ExtendProceedings", weeks: 8, extendedAt: london("2027-01-04", "09:59") }, london("2027-01-05", "10:00")))
        .refusal()
    ).toMatchObject({
      _tag: "ProceedingsRefused",
      message: "The proceedings were issued at 10:00 Mon 4 Jan 2027; they cannot have been extended before, at 09:59 Mon 4 Jan 2027 (STAT-S31)."
    })
    // The second extension, made by the court on 2 August and recorded the same day, meets the first extension's clock then.
    const clocks = clocksOf(northSomerset.play([second(london("2027-08-02", "09:00"))], issued), london("2027-08-02", "11:00"))
    expect(clocks["child-1:proceedings-extension:1"]).toMatchObject({ state: "met", metAt: london("2027-08-02", "09:00") })
  })
})
