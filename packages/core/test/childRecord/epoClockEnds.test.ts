import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { sittingOf } from "../deadlines/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf, specFor } from "./fixtures.js"

// North Somerset's Care and Resource Panel sits on Wednesdays at 13:30. An order made at 13:30 on Wednesday 24 March
// 2027 for 7 days lapses at 13:30 on Wednesday 31 March, the minute that week's sitting starts.
const madeAt = london("2027-03-24", "13:30")
const made = (spec = northSomerset) => spec.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days: 7 }, london("2027-03-24", "14:00"))])
const sitting = (date: string) => sittingOf("north-somerset", "care-and-resource", `sit_${date}`, date)

const clocksOf = (events: ReturnType<typeof made>, now: ReturnType<typeof london>, sittings = [] as ReturnType<typeof sitting>[], policy?: AuthorityPolicy) =>
  Object.fromEntries(
    deadlinesOf(
      { referrals: [], sittings, childRecords: [recordOf(events)] },
      policy === undefined ? contextOf("north-somerset") : { ...contextOf("north-somerset"), policy },
      { now, dueSoonHours: 48 }
    ).map((deadline) => [deadline.id.split(":").slice(1, 2).join(""), deadline])
  )

describe("an emergency protection order's clocks, once extended and ended (STAT-S44)", () => {
  it("STAT-S44: given an order extended on the Monday and ended on the Friday, the first end is met by the extension, not by the later end, and the extended end by the end", () => {
    const extended = northSomerset.play([cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7 }, london("2027-03-29", "10:00"))], made())
    const ended = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "interim_care_order" }, london("2027-04-02", "15:00"))], extended)
    const clocks = clocksOf(ended, london("2027-04-02", "16:00"))
    expect(clocks.epo).toMatchObject({ state: "met", metAt: london("2027-03-29", "10:00"), metLate: false })
    expect(clocks["epo-extension"]).toMatchObject({ state: "met", metAt: london("2027-04-02", "15:00"), due: london("2027-04-07", "13:30") })
  })

  it("STAT-S44: given an extended order still running, each of its two ends tells the social worker what to do for the child", () => {
    const extended = northSomerset.play([cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7 }, london("2027-03-29", "10:00"))], made())
    const clocks = clocksOf(extended, london("2027-03-30", "09:00"))
    expect(clocks.epo).toMatchObject({
      title: "Emergency protection order ends: return the child, accommodate under s20 with consent, obtain an interim care order or the order's extension",
      about: { kind: "child", id: "child-1" }
    })
    expect(clocks["epo-extension"]).toMatchObject({
      state: "pending",
      title: "Extended emergency protection order ends: return the child, accommodate under s20 with consent or obtain an interim care order",
      about: { kind: "child", id: "child-1" }
    })
  })
})

describe("an order that lapsed with no end recorded, then a new order (STAT-S44)", () => {
  const clockOf = (events: ReturnType<typeof made>, now: ReturnType<typeof london>, id: string) =>
    deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).find((deadline) => deadline.id === id)
  const newOrder = (at: ReturnType<typeof london>) => cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt: at, days: 3 }, at)

  it("STAT-S44: a new order made the minute the first lapses meets the first's clock on time; an end recorded next ends the new order", () => {
    const renewed = northSomerset.play([newOrder(london("2027-03-31", "13:30"))], made())
    const first = clockOf(renewed, london("2027-04-01", "09:00"), "child-1:epo:epo-1")
    expect(first).toMatchObject({ state: "met", metAt: london("2027-03-31", "13:30"), metLate: false })
    const ended = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome: "returned_home" }, london("2027-04-02", "10:00"))], renewed)
    expect(ended.at(-1)).toMatchObject({ _tag: "EmergencyProtectionOrderEnded", orderId: "epo-2" })
  })

  it("STAT-S44: a new order made days after the first lapsed shows the first met late, not overdue for ever, and no retrospective warning", () => {
    const renewed = northSomerset.play([newOrder(london("2027-04-05", "10:00"))], made())
    const now = london("2027-04-06", "09:00")
    expect(clockOf(renewed, now, "child-1:epo:epo-1")).toMatchObject({ state: "met", metAt: london("2027-04-05", "10:00"), metLate: true })
    const all = deadlinesOf({ referrals: [], sittings: [sitting("2027-04-07")], childRecords: [recordOf(renewed)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 })
    expect(all.filter((deadline) => deadline.state === "overdue" || deadline.id.includes("epo-retrospective:epo-1"))).toEqual([])
  })
})

describe("the retrospective EPO plan and the next sitting (NSO-10, DEF-EPO-PLAN-BEFORE-LAPSE)", () => {
  it("DEF-EPO-PLAN-BEFORE-LAPSE: a sitting at the order's own minute is passed over, and one starting the minute the order lapses is too late: the plan is warned, citing Carepanel's default (NSO-10 sets no time)", () => {
    const warning = clocksOf(made(), london("2027-03-24", "15:00"), [sitting("2027-03-24"), sitting("2027-03-31")])["epo-retrospective"]
    expect(warning).toMatchObject({
      ruleId: "DEF-EPO-PLAN-BEFORE-LAPSE",
      due: london("2027-03-31", "13:30"),
      title: "EPO plan: the next sitting falls after the order lapses; bring it to an extra sitting before then",
      about: { kind: "child", id: "child-1" },
      explanation:
        "due 13:30 Wed 31 Mar 2027 - DEF-EPO-PLAN-BEFORE-LAPSE, Carepanel default, not in the terms of reference; set by the authority's policy: when the emergency protection order lapses (made at 13:30 Wed 24 Mar 2027), before the next sitting at 13:30 Wed 31 Mar 2027 that would take its plan retrospectively"
    })
  })

  it("DEF-EPO-PLAN-BEFORE-LAPSE: with no sitting scheduled after the order, the warning says so in full", () => {
    expect(clocksOf(made(), london("2027-03-24", "15:00"), [sitting("2027-03-17")])["epo-retrospective"]?.explanation).toBe(
      "due 13:30 Wed 31 Mar 2027 - DEF-EPO-PLAN-BEFORE-LAPSE, Carepanel default, not in the terms of reference; set by the authority's policy: when the emergency protection order lapses (made at 13:30 Wed 24 Mar 2027), with no sitting scheduled to take its plan retrospectively"
    )
  })

  it("NSO-10: an extension moves the warning to the extended end, and a sitting before that end removes it", () => {
    const extended = northSomerset.play([cmd({ _tag: "ExtendEmergencyProtectionOrder", days: 7 }, london("2027-03-29", "10:00"))], made())
    expect(clocksOf(extended, london("2027-03-29", "11:00"), [])["epo-retrospective"]).toMatchObject({ due: london("2027-04-07", "13:30") })
    expect(clocksOf(extended, london("2027-03-29", "11:00"), [sitting("2027-03-31")])["epo-retrospective"]).toBeUndefined()
  })

  it("Knowsley takes plans retrospectively, but no EPO plans are in its panel's scope: no warning for its child's order", () => {
    const knowsley = made(specFor("knowsley"))
    const deadlines = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(knowsley)] }, contextOf("knowsley"), { now: madeAt, dueSoonHours: 48 })
    expect(deadlines.map((deadline) => deadline.id)).toEqual(["child-1:epo:epo-1"])
  })

  it("DEF-EPO-PLAN-BEFORE-LAPSE: a policy that names its own rule for the retrospective slot still has the warning cite Carepanel's default, the rule its time comes from", () => {
    const base = preset("north-somerset")
    const policy = { ...base, outsidePanel: { ...base.outsidePanel, retrospectiveRuleId: "DEF-RETROSPECTIVE-SLOT" } } as AuthorityPolicy
    expect(clocksOf(made(), london("2027-03-24", "15:00"), [], policy)["epo-retrospective"]).toMatchObject({ ruleId: "DEF-EPO-PLAN-BEFORE-LAPSE" })
  })
})
