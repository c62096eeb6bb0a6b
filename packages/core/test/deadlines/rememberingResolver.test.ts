import { describe, expect, it } from "vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import type { ClockRule } from "../../src/calendar/ClockRule.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { resolveClock } from "../../src/calendar/resolveClock.js"
import { rememberingResolver } from "../../src/deadlines/clock.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"

/** Every clock rule of the presets' requests and sittings: weekdays before, working days, hours, weeks after. */
const rules: ReadonlyArray<ClockRule> = presetSlugs.flatMap((slug) => {
  const { referral, sitting } = preset(slug)
  return [referral.submissionDeadline, sitting.agendaToMembers, sitting.papersToMembers, sitting.record?.draftToChair, sitting.record?.finalFromChair, sitting.record?.uploadEachChild]
    .flatMap((ruled) => (ruled === undefined ? [] : [ruled.clock]))
})
const from2027 = DateTime.toEpochMillis(DateTime.unsafeMake("2027-01-01T00:00:00Z"))
/** A few anchors drawn again and again, as an authority's clocks share sittings: 2027 and 2028, clock changes and bank holidays included. */
const anchors = fc.array(fc.integer({ min: 0, max: 2 * 365 * 24 * 4 }), { minLength: 1, maxLength: 8 })

describe("clocks worked out once per rule and anchor", () => {
  it("the remembering resolver answers exactly as resolveClock, the first time and every time after", () => {
    fc.assert(
      fc.property(anchors, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }), (pool, picks) => {
        const resolve = rememberingResolver(englandAndWales)
        for (const [r, a] of picks) {
          const rule = rules[r % rules.length]!
          const anchor = DateTime.unsafeMake(from2027 + pool[a % pool.length]! * 15 * 60_000)
          expect(resolve(rule, anchor)).toEqual(resolveClock(rule, { instant: anchor }, englandAndWales))
        }
      })
    )
    expect(new Set(rules.map((rule) => rule._tag)).size).toBeGreaterThanOrEqual(3)
  })
})
