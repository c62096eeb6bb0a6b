import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { clockLookup } from "../../src/notifications/clockLookup.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { sittingOf } from "../deadlines/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf, specFor } from "./fixtures.js"

/** Thursday 25 March 2027, three days before the clocks go forward. */
const madeAt = london("2027-03-25", "14:00")
const order = (days = 8) => cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, london("2027-03-25", "15:00"))
const made = (days = 8) => northSomerset.play([order(days)])
const extend = (days: number, when = london("2027-04-01", "16:00")) => cmd({ _tag: "ExtendEmergencyProtectionOrder", days }, when)
const ended = (outcome: string, when = london("2027-03-30", "11:00"), endedAt?: unknown) =>
  cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome, ...(endedAt === undefined ? {} : { endedAt }) }, when)

const clocksOf = (events: ReturnType<typeof made>, now = london("2027-03-26", "09:00"), sittings = [] as ReturnType<typeof sittingOf>[]) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings, childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((deadline) => [
      deadline.id.split(":").slice(1, 2).join(""),
      deadline
    ])
  )

describe("emergency protection orders (STAT-S44)", () => {
  it("STAT-S44: given nothing recorded about the child, when an 8-day order is recorded, the record opens and the order ends 8 days later at the same London time", () => {
    const spec = northSomerset.given([]).when(order(8))
    expect(spec.events()).toMatchObject([
      { _tag: "ChildRecordOpened", childId: "child-1", authorityId: "north-somerset" },
      { _tag: "EmergencyProtectionOrderMade", orderId: "epo-1", madeAt, days: 8, endsAt: london("2027-04-02", "14:00") }
    ])
    expect(spec.state()!.emergencyProtectionOrders).toHaveLength(1)
  })

  it("STAT-S44: refuses a period of more than 8 days, of none, or of part of a day, and an order still to come", () => {
    for (const days of [9, 0, 2.5]) {
      expect(northSomerset.given([]).when(order(days)).refusal()).toMatchObject({
        _tag: "EpoPeriodRefused",
        ruleId: "STAT-S44",
        maxDays: 8,
        message: `An emergency protection order lasts a whole number of days from 1 to 8, not ${days} (STAT-S44).`
      })
    }
    const future = cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-03-25", "16:00"), days: 8 }, london("2027-03-25", "15:00"))
    expect(northSomerset.given([]).when(future).refusal()).toMatchObject({ _tag: "NotYetHappened" })
  })

  it("STAT-S44: given an order in force, a second one is refused until the first has ended or lapsed", () => {
    expect(northSomerset.given(made()).when(order()).refusal()).toMatchObject({
      _tag: "EpoNotInForce",
      message: "An emergency protection order made at 14:00 Thu 25 Mar 2027 is in force until 14:00 Fri 2 Apr 2027: extend it, or record how it ended, before recording another (STAT-S44)."
    })
    const later = cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: london("2027-04-05", "10:00"), days: 3 }, london("2027-04-05", "11:00"))
    expect(northSomerset.given(made()).when(later).events()).toMatchObject([{ _tag: "EmergencyProtectionOrderMade", orderId: "epo-2" }])
  })

  it("STAT-S44: the one extension of at most 7 days runs from the first end; a second, a longer one and one after the order lapsed are refused", () => {
    const spec = northSomerset.given(made()).when(extend(7))
    expect(spec.events()).toMatchObject([
      { _tag: "EmergencyProtectionOrderExtended", orderId: "epo-1", days: 7, from: london("2027-04-02", "14:00"), endsAt: london("2027-04-09", "14:00") }
    ])
    expect(northSomerset.given(made()).when(extend(8)).refusal()).toMatchObject({
      _tag: "EpoPeriodRefused",
      maxDays: 7,
      message: "An extension of an emergency protection order is a whole number of days from 1 to 7, not 8 (STAT-S44)."
    })
    const extended = northSomerset.play([extend(7)], made())
    expect(northSomerset.given(extended).when(extend(1, london("2027-04-05", "09:00"))).refusal()).toMatchObject({
      message: "The order was already extended once, to 14:00 Fri 9 Apr 2027; an emergency protection order may be extended only once (STAT-S44)."
    })
    expect(northSomerset.given(made()).when(extend(3, london("2027-04-02", "14:00"))).refusal()).toMatchObject({
      _tag: "EpoNotInForce",
      message: "The emergency protection order ended at 14:00 Fri 2 Apr 2027; an order that has lapsed cannot be extended: the court must make a new one. If the court extended it before then, give when (STAT-S44)."
    })
    expect(northSomerset.given([]).when(extend(3)).refusal()).toMatchObject({ message: "There is no emergency protection order in force to extend (STAT-S44)." })
  })

  it("STAT-S44: how the order ended is recorded with its instant; none before the order, none twice", () => {
    const spec = northSomerset.given(made()).when(ended("interim_care_order", london("2027-03-30", "11:00"), london("2027-03-30", "10:15")))
    expect(spec.events()).toMatchObject([{ _tag: "EmergencyProtectionOrderEnded", orderId: "epo-1", outcome: "interim_care_order", endedAt: london("2027-03-30", "10:15") }])
    expect(northSomerset.given(made()).when(ended("returned_home", london("2027-03-30", "11:00"), london("2027-03-25", "13:00"))).refusal()).toMatchObject({
      message: "The order was made at 14:00 Thu 25 Mar 2027; it cannot have ended before, at 13:00 Thu 25 Mar 2027 (STAT-S44)."
    })
    const done = northSomerset.play([ended("returned_home")], made())
    expect(northSomerset.given(done).when(ended("returned_home")).refusal()).toMatchObject({
      message: "There is no emergency protection order whose end is still to be recorded (STAT-S44)."
    })
  })

  it("STAT-S44: the clock to the order's end names the statute and the court's days; the extension meets it and starts the extended end", () => {
    expect(clocksOf(made()).epo).toMatchObject({
      ruleId: "STAT-S44",
      state: "pending",
      explanation: "due 14:00 Fri 2 Apr 2027 - STAT-S44: 8 days after the emergency protection order made at 14:00 Thu 25 Mar 2027 (the court's period; at most 8 days)"
    })
    const clocks = clocksOf(northSomerset.play([extend(7)], made()), london("2027-04-01", "17:00"))
    expect(clocks.epo).toMatchObject({ state: "met", metAt: london("2027-04-01", "16:00") })
    expect(clocks["epo-extension"]).toMatchObject({
      state: "pending",
      explanation: "due 14:00 Fri 9 Apr 2027 - STAT-S44: 7 days after the order's first end at 14:00 Fri 2 Apr 2027 (its one extension; at most 7 days)"
    })
    const afterIco = clocksOf(northSomerset.play([ended("interim_care_order")], made()), london("2027-04-05", "09:00"))
    expect(afterIco.epo).toMatchObject({ state: "met", metLate: false })
  })

  it("NSO-10, DEF-EPO-PLAN-BEFORE-LAPSE: when the next sitting falls after the order lapses, the retrospective EPO plan is warned, due when the order lapses, citing Carepanel's default", () => {
    const afterLapse = sittingOf("north-somerset", "care-and-resource", "sit_7apr", "2027-04-07")
    const warning = clocksOf(made(), london("2027-03-26", "09:00"), [afterLapse])["epo-retrospective"]
    expect(warning).toMatchObject({ ruleId: "DEF-EPO-PLAN-BEFORE-LAPSE", due: london("2027-04-02", "14:00"), state: "pending" })
    expect(warning!.explanation).toMatch(
      /^due 14:00 Fri 2 Apr 2027 - DEF-EPO-PLAN-BEFORE-LAPSE, Carepanel default, not in the terms of reference; set by the authority's policy: when the emergency protection order lapses \(made at 14:00 Thu 25 Mar 2027\), before the next sitting at \d\d:\d\d Wed 7 Apr 2027 that would take its plan retrospectively$/
    )
    const beforeLapse = sittingOf("north-somerset", "care-and-resource", "sit_31mar", "2027-03-31")
    expect(clocksOf(made(), london("2027-03-26", "09:00"), [beforeLapse, afterLapse])["epo-retrospective"]).toBeUndefined()
    expect(clocksOf(northSomerset.play([ended("returned_home")], made()), london("2027-03-31", "09:00"), [afterLapse])["epo-retrospective"]).toBeUndefined()
    expect(clocksOf(made(), london("2027-03-26", "09:00"), [])["epo-retrospective"]?.explanation).toContain("with no sitting scheduled")
  })

  it("NSO-10: an authority whose panel does not take EPO plans retrospectively has no such warning", () => {
    const lincolnshire = specFor("lincolnshire").play([order()])
    const deadlines = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(lincolnshire)] }, contextOf("lincolnshire"), { now: madeAt, dueSoonHours: 48 })
    expect(deadlines.map((deadline) => deadline.id)).toEqual(["child-1:epo:epo-1"])
  })

  it("STAT-S44, DEF-EPO-PLAN-BEFORE-LAPSE: overdue, the order's end reaches the social worker's team manager and the warning the panel administrator", () => {
    const now = london("2027-04-02", "14:01")
    const deadlines = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(made())] }, contextOf("north-somerset"), { now, dueSoonHours: 0 })
    const sent = clockNotifications(deadlines, now, { authorityId: AuthorityId.make("north-somerset"), policy: preset("north-somerset"), dueSoonHours: 0, lookup: clockLookup({ referrals: [] }) })
    // Both are due when the order lapses: clocks due at one instant come in the order of their ids.
    expect(sent.map((n) => [n.headline, n.recipients[0]])).toEqual([
      ["Overdue (DEF-EPO-PLAN-BEFORE-LAPSE, Carepanel default): child's record child-1", { _tag: "RoleHolder", role: "team_manager" }],
      ["Overdue (DEF-EPO-PLAN-BEFORE-LAPSE, Carepanel default): child's record child-1", { _tag: "RoleHolder", role: "panel_administrator" }],
      ["Overdue (STAT-S44): child's record child-1", { _tag: "RoleHolder", role: "team_manager" }]
    ])
  })
})
