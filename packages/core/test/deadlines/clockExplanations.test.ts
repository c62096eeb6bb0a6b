import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import type { ClockRule } from "../../src/calendar/ClockRule.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { resolveClock } from "../../src/calendar/resolveClock.js"
import { type ClockSpec, rememberingResolver, toDeadline } from "../../src/deadlines/clock.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { london } from "../fixtures.js"

// What a clock says when it is worked out on its own, as a notification's "act by" does (no shared resolver),
// and when it is a window (NSO-9: reviewed by panel at 8-10 weeks).

const sittingOn9June = london("2027-06-09", "13:00")
const now = { now: london("2027-06-01", "09:00"), dueSoonHours: 48 }

/** A clock about the sitting on Wed 2 Jun 2027 (09:30), from the authority's rule. */
const beforeSitting = (rule: ClockSpec["rule"]): ClockSpec => ({
  id: "s1:papers",
  about: { kind: "sitting", id: "s1" },
  title: "Agenda and papers to members for the sitting on Wed 2 Jun 2027",
  rule,
  anchor: london("2027-06-02", "09:30"),
  anchorText: "the sitting on Wed 2 Jun 2027"
})

/** NSO-9's review of a child in pre-proceedings approved at the sitting on Wed 9 Jun 2027. */
const review = (extra: Partial<ClockSpec> = {}): ClockSpec => ({
  id: "dec_1:review:NSO-9",
  about: { kind: "decision", id: "dec_1" },
  title: "Review by panel",
  rule: { ruleId: "NSO-9", clock: { _tag: "WeeksAfter", weeks: 10 } },
  anchor: sittingOn9June,
  anchorText: "the sitting on Wed 9 Jun 2027",
  opensAfter: { _tag: "WeeksAfter", weeks: 8 },
  ...extra
})

describe("a clock worked out on its own, without a shared resolver", () => {
  it("NSO-3: the papers after the Spring bank holiday are due at noon on Tuesday, moved and saying it is Carepanel's default", () => {
    const papers = toDeadline(beforeSitting(preset("north-somerset").sitting.papersToMembers!), englandAndWales, now)
    expect(papers.due).toEqual(london("2027-06-01", "12:00"))
    expect(papers.explanation).toBe(
      "due 12:00 Tue 1 Jun 2027 - NSO-3: noon on the Monday before the sitting on Wed 2 Jun 2027 (moved to Tue 1 Jun 2027 because Mon 31 May 2027 is Spring bank holiday; " +
        "DEF-NEXT-WORKING-DAY-BEFORE, Carepanel default, not in the terms of reference; set by the authority's policy)"
    )
  })

  const submissionRules = presetSlugs.map((slug) => preset(slug).referral.submissionDeadline)
  const anchors = fc.date({ min: new Date("2027-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })

  test.prop([fc.constantFrom(...submissionRules), anchors])(
    "KNO-6, SUP-4, NSO-3, CPR-4, LIN-3: each authority's submission deadline on its own is due when the calendar puts it, the same as with a shared resolver",
    (rule, date) => {
      const spec = { ...beforeSitting(rule), anchor: DateTime.unsafeMake(date) }
      const alone = toDeadline(spec, englandAndWales, now)
      expect(alone.due).toEqual(resolveClock(rule.clock, { instant: spec.anchor }, englandAndWales).due)
      expect(alone).toEqual(toDeadline(spec, englandAndWales, now, rememberingResolver(englandAndWales)))
    }
  )
})

describe("NSO-9: a review window reads 'between ... and ...'", () => {
  it("NSO-9: reviewed by panel between 8 and 10 weeks after the sitting, due at the end of the window", () => {
    const clock = toDeadline(review(), englandAndWales, now)
    expect(clock.due).toEqual(london("2027-08-18", "13:00"))
    expect(clock.explanation).toBe(
      "due 13:00 Wed 18 Aug 2027 - NSO-9: between 13:00 Wed 4 Aug 2027 and 13:00 Wed 18 Aug 2027 (8 weeks to 10 weeks after the sitting on Wed 9 Jun 2027)"
    )
  })

  it("the same clock without an opening reads only when it is due, with no window", () => {
    expect(toDeadline(review({ opensAfter: undefined }), englandAndWales, now).explanation).toBe(
      "due 13:00 Wed 18 Aug 2027 - NSO-9: 10 weeks after the sitting on Wed 9 Jun 2027"
    )
  })
})

describe("each rule and anchor worked out once", () => {
  /** Rules that consult the calendar: every authority's submission deadline and papers. */
  const rules: ReadonlyArray<ClockRule> = presetSlugs.flatMap((slug) => {
    const { referral, sitting } = preset(slug)
    return [referral.submissionDeadline, sitting.papersToMembers].flatMap((ruled) => (ruled === undefined ? [] : [ruled.clock]))
  })
  const anchors = fc.array(fc.integer({ min: 0, max: 2 * 365 }), { minLength: 1, maxLength: 6 })

  test.prop([anchors, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 })])(
    "the remembering resolver asks the calendar nothing for a rule and anchor it has already worked out",
    (days, picks) => {
      let asked = 0
      const counting = Object.fromEntries(
        Object.entries(englandAndWales).map(([name, method]) => [name, (...args: ReadonlyArray<never>) => { asked++; return (method as (...a: ReadonlyArray<never>) => unknown)(...args) }])
      ) as unknown as typeof englandAndWales
      const resolve = rememberingResolver(counting)
      const chosen = picks.map(([r, a]) => ({ rule: rules[r % rules.length]!, anchor: DateTime.add(london("2027-01-06", "09:30"), { days: days[a % days.length]! }) }))
      const first = chosen.map(({ rule, anchor }) => resolve(rule, anchor))
      expect(asked).toBeGreaterThan(0)
      const before = asked
      expect(chosen.map(({ rule, anchor }) => resolve(rule, anchor))).toEqual(first)
      expect(asked).toBe(before)
    }
  )
})
