import { describe, expect, it } from "vitest"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { reviewRuleOf } from "../../src/policy/DecisionPolicy.js"

describe("the rule a date to return to panel is diarised under", () => {
  it("is each authority's own: CPR-10 where the record holds the dates for review, LIN-7 where the procedure says how a return is closed, else Carepanel's default", () => {
    expect(Object.fromEntries(presetSlugs.map((slug) => [slug, reviewRuleOf(preset(slug).decision)]))).toEqual({
      "care-planning": "CPR-10",
      knowsley: "DEF-RECORD-TIMESCALES",
      lincolnshire: "LIN-7",
      "north-somerset": "DEF-RECORD-TIMESCALES",
      "support-panels": "DEF-RECORD-TIMESCALES"
    })
  })
})
