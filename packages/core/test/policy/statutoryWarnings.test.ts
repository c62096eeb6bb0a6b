import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { secureClocks } from "../../src/childRecord/secureClocks.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { decodePolicy } from "../../src/policy/loadPolicy.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { secureRecordOf } from "../childRecord/fixtures.js"
import { london } from "../fixtures.js"
import { cmd, identified, playOn } from "../regulation24/fixtures.js"

const policeProtection = playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-25", "22:00") }, london("2027-03-26", "08:00")))
const now = { now: london("2027-03-26", "12:00"), dueSoonHours: 48 }
const policeClocks = (statutoryWarnings: unknown) =>
  Effect.map(decodePolicy({ extends: "lincolnshire", statutoryWarnings }), (policy) =>
    placementClocks(fold(placementDecider, policeProtection)!, policy)
      .filter((spec) => spec.id.includes("police-protection"))
      .map((spec) => ({ ...toDeadline(spec, englandAndWales, now), title: spec.title }))
  )
const secureRuleIds = (statutoryWarnings: unknown) =>
  Effect.map(decodePolicy({ extends: "north-somerset", statutoryWarnings }), (policy) =>
    secureClocks(secureRecordOf([], Date.parse("2027-03-01T09:00:00Z"), []), policy).map((spec) => [spec.rule.ruleId, spec.title])
  )

describe("statutoryWarnings: Carepanel's warnings before the 72-hour limits, which the authority's policy may replace or turn off", () => {
  it.effect("DEF-S46-WARN-48H, DEF-S25-WARN-48H: a policy that says nothing keeps both warnings at 48 hours", () =>
    Effect.gen(function* () {
      expect((yield* policeClocks(undefined)).map((clock) => clock.ruleId)).toEqual(["DEF-S46-WARN-48H", "STAT-S46"])
      expect(yield* secureRuleIds(undefined)).toEqual([
        ["DEF-S25-WARN-48H", "48 of the 72 hours in secure accommodation used: seek the court's authority or plan the child's move"],
        ["STAT-S25", "72 hours in secure accommodation in 28 days: the child leaves, or the court's authority is needed"]
      ])
    })
  )

  it.effect("STAT-S46, STAT-S25: turned off (null), the warnings go and the statutory limits stay", () =>
    Effect.gen(function* () {
      expect((yield* policeClocks({ policeProtection: null })).map((clock) => clock.ruleId)).toEqual(["STAT-S46"])
      expect((yield* secureRuleIds({ secureAccommodation: null })).map(([ruleId]) => ruleId)).toEqual(["STAT-S25"])
    })
  )

  it.effect("LIN-15: replaced by the authority's own rule and hours, the warning cites it and says how long is left", () =>
    Effect.gen(function* () {
      const [warning] = yield* policeClocks({ policeProtection: { ruleId: "LIN-15", hours: 24 } })
      expect(warning).toMatchObject({
        ruleId: "LIN-15",
        title: "Police protection ends in 48 hours: return the child, accommodate under s20 with consent, or obtain an order",
        explanation: "due 22:00 Fri 26 Mar 2027 - LIN-15: 24 hours after police protection began at 22:00 Thu 25 Mar 2027"
      })
      const [secure] = yield* secureRuleIds({ secureAccommodation: { ruleId: "NSO-1", hours: 60 } })
      expect(secure).toEqual(["NSO-1", "60 of the 72 hours in secure accommodation used: seek the court's authority or plan the child's move"])
    })
  )

  it.effect("DEF-S46-WARN-48H, STAT-S25: a Carepanel default at other hours than its id names, or hours outside the 72, is refused by path", () =>
    Effect.gen(function* () {
      const moved = yield* Effect.flip(decodePolicy({ extends: "lincolnshire", statutoryWarnings: { policeProtection: { ruleId: "DEF-S46-WARN-48H", hours: 36 } } }, "p.json"))
      expect(moved.problems).toEqual([
        { path: "statutoryWarnings.policeProtection", message: "DEF-S46-WARN-48H is the warning at 48 hours: cite the authority's own rule for another time" }
      ])
      const late = yield* Effect.flip(decodePolicy({ extends: "lincolnshire", statutoryWarnings: { secureAccommodation: { ruleId: "LIN-15", hours: 72 } } }, "p.json"))
      expect(late.problems.map((problem) => problem.path)).toEqual(["statutoryWarnings.secureAccommodation.hours"])
    })
  )
})
