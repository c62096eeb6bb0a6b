import { describe, expect, it } from "vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { type ClockSpec, rememberingDeadlines, toDeadline } from "../../src/deadlines/clock.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"

const from2027 = DateTime.toEpochMillis(DateTime.unsafeMake("2027-01-01T00:00:00Z"))
const quarterHours = (n: number) => DateTime.unsafeMake(from2027 + n * 15 * 60_000)
const withinTwoYears = fc.integer({ min: 0, max: 2 * 365 * 24 * 4 })

/** A few submission clocks of the presets, some met, each asked for again and again as an authority's are. */
const clocks = fc.array(
  fc.record({ slug: fc.constantFrom(...presetSlugs), anchor: withinTwoYears, met: fc.option(withinTwoYears, { nil: undefined }) }),
  { minLength: 1, maxLength: 6 }
)

describe("deadlines kept per clock while their state holds", () => {
  it("the presets' submission clocks (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3) answer exactly as toDeadline at any time, in any order of times (pending, due soon, overdue, met), the first time and every time after", () => {
    fc.assert(
      fc.property(clocks, fc.array(fc.tuple(fc.nat(), withinTwoYears, fc.constantFrom(0, 48, 24 * 14)), { minLength: 1, maxLength: 40 }), (made, asks) => {
        const specs: ReadonlyArray<{ spec: ClockSpec; policy: ReturnType<typeof preset> }> = made.map(({ slug, anchor, met }, n) => ({
          policy: preset(slug),
          spec: {
            id: `ref_${n}:submission`,
            about: { kind: "referral", id: `ref_${n}` },
            title: "Request complete and approved",
            rule: preset(slug).referral.submissionDeadline,
            anchor: quarterHours(anchor),
            anchorText: "the sitting",
            metAt: met === undefined ? undefined : quarterHours(met)
          }
        }))
        for (const [pick, at, dueSoonHours] of asks) {
          const { spec, policy } = specs[pick % specs.length]!
          const now = { now: quarterHours(at), dueSoonHours }
          expect(rememberingDeadlines(englandAndWales, policy)(spec, now)).toEqual(toDeadline(spec, englandAndWales, now, undefined, policy))
        }
      })
    )
  })
})
