import { test } from "@fast-check/vitest"
import { DateTime, Either, Effect } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { childRecordDecider } from "../../src/childRecord/ChildRecordDecider.js"
import type { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import { secureClocks } from "../../src/childRecord/secureClocks.js"
import { fold } from "../../src/shared/decider.js"
import { clockChangeDays } from "../calendar/arbitraries.js"
import { contextOf, london } from "../fixtures.js"
import { preset } from "../../src/policy/authorities/index.js"
import { cmd, northSomerset, secureRecordOf } from "./fixtures.js"

const hour = 3_600_000
const window = 28 * 24 * hour
const limit = 72 * hour
interface Span {
  readonly from: number
  readonly to: number
}
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from))
/** Independent of the code: each period's time in the window, less its time under the one court authority. */
const usedAt = (periods: ReadonlyArray<Span>, court: Span | undefined, t: number) => {
  const inWindow = { from: t - window, to: t }
  return periods.reduce((sum, p) => sum + overlap(p, inWindow) - (court ? overlap({ from: Math.max(p.from, court.from), to: Math.min(p.to, court.to) }, inWindow) : 0), 0)
}
/** The most used in any 28 days: counted time stops growing only where a period ends or the court's authority begins. */
const worst = (periods: ReadonlyArray<Span>, court: Span | undefined) =>
  Math.max(0, ...[...periods.map((p) => p.to), ...(court ? [court.from] : [])].map((t) => usedAt(periods, court, t)))

const scenario = fc.record({
  change: fc.constantFrom(...clockChangeDays),
  offsetHours: fc.integer({ min: -40 * 24, max: 2 * 24 }),
  periods: fc.array(fc.record({ gapHours: fc.integer({ min: 0, max: 500 }), hours: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 5 }),
  court: fc.option(fc.record({ fromHours: fc.integer({ min: 0, max: 800 }), hours: fc.integer({ min: 1, max: 400 }) }), { nil: undefined }),
  openGapHours: fc.integer({ min: 1, max: 300 })
})

describe("secure accommodation: properties (STAT-S25)", () => {
  test.prop([scenario])(
    "STAT-S25: whatever periods are offered, across either clock change, the accepted ones never exceed 72 hours in any 28 days outside the court's authority, and each refused one would have",
    ({ change, offsetHours, periods, court }) => {
      const origin = atLondon(change, "00:00" as TimeOfDay).epochMillis + offsetHours * hour
      const courtSpan = court && { from: origin + court.fromHours * hour, to: origin + (court.fromHours + court.hours) * hour }
      // A child of 15: the age test (under 13) is the example-based tests' business.
      let history: ChildRecordEvent[] = northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: `${Number(change.slice(0, 4)) - 15}-01-01` }, london("2017-01-02", "09:00"))])
      if (courtSpan) {
        history = northSomerset.play([cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from: DateTime.unsafeMake(courtSpan.from), until: DateTime.unsafeMake(courtSpan.to) }, DateTime.unsafeMake(courtSpan.from))], history)
      }
      const accepted: Span[] = []
      let cursor = origin
      for (const { gapHours, hours } of periods) {
        const span = { from: cursor + gapHours * hour, to: cursor + (gapHours + hours) * hour }
        cursor = span.to
        const command = cmd({ _tag: "RecordSecureAccommodation", startedAt: DateTime.unsafeMake(span.from), endedAt: DateTime.unsafeMake(span.to) }, DateTime.unsafeMake(span.to + 48 * hour))
        const outcome = Effect.runSync(Effect.either(childRecordDecider.decide(command, fold(childRecordDecider, history), contextOf("north-somerset"))))
        if (Either.isRight(outcome)) {
          history = [...history, ...outcome.right]
          accepted.push(span)
        } else {
          expect(outcome.left._tag).toBe("SecureAccommodationRefused")
          expect(worst([...accepted, span], courtSpan)).toBeGreaterThan(limit)
        }
      }
      expect(worst(accepted, courtSpan)).toBeLessThanOrEqual(limit)
    }
  )

  test.prop([scenario])(
    "STAT-S25, DEF-S25-WARN-48H: an open period's clocks fall due exactly when 48 and 72 counted hours are reached in the 28 days to then",
    ({ change, offsetHours, periods, court, openGapHours }) => {
      const origin = atLondon(change, "00:00" as TimeOfDay).epochMillis + offsetHours * hour
      const courtSpan = court && { from: origin + court.fromHours * hour, to: origin + (court.fromHours + court.hours) * hour }
      const closed: Span[] = []
      let cursor = origin
      for (const { gapHours, hours } of periods) {
        const span = { from: cursor + gapHours * hour, to: cursor + (gapHours + hours) * hour }
        cursor = span.to
        if (worst([...closed, span], courtSpan) <= limit) closed.push(span)
      }
      const start = cursor + openGapHours * hour
      fc.pre(usedAt(closed, courtSpan, start) < limit)
      const record = secureRecordOf(closed, start, courtSpan ? [courtSpan] : [])
      const clocks = secureClocks(record, preset("north-somerset")).filter((clock) => clock.id.endsWith(":open"))
      const dueOf = (name: string) => {
        const clock = clocks.find((candidate) => candidate.id.includes(`:${name}:`))!
        return "fixed" in clock.rule ? DateTime.toEpochMillis(clock.rule.fixed.due) : Number.NaN
      }
      for (const [name, hours] of [["secure-48h", 48], ["secure-72h", 72]] as const) {
        const due = dueOf(name)
        const withOpen = (t: number) => usedAt([...closed, { from: start, to: t }], courtSpan, t)
        if (usedAt(closed, courtSpan, start) >= hours * hour) {
          expect(due).toBe(start)
          continue
        }
        expect(withOpen(due)).toBeGreaterThanOrEqual(hours * hour - 1)
        expect(withOpen(due - 60_000)).toBeLessThan(hours * hour)
      }
      expect(dueOf("secure-48h")).toBeLessThanOrEqual(dueOf("secure-72h"))
    }
  )
})
