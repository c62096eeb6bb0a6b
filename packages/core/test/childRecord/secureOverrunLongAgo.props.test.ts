import { test } from "@fast-check/vitest"
import { DateTime, Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { childRecordDecider } from "../../src/childRecord/ChildRecordDecider.js"
import { fold } from "../../src/shared/decider.js"
import { clockChangeDays } from "../calendar/arbitraries.js"
import { contextOf } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

const hour = 3_600_000
const windowHours = 28 * 24
interface Span {
  readonly from: number
  readonly to: number
}
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from))
const usedAt = (spans: ReadonlyArray<Span>, t: number) => spans.reduce((sum, span) => sum + overlap(span, { from: t - windowHours * hour, to: t }), 0)

const scenario = fc.record({
  change: fc.constantFrom(...clockChangeDays),
  overrunHours: fc.integer({ min: 73, max: 150 }),
  // The second period starts this many hours after the overrun began: well before it, up to well after its 28 days.
  offsetHours: fc.integer({ min: -1200, max: 1500 }),
  hours: fc.integer({ min: 1, max: 60 })
})

describe("secure accommodation after an overrun: properties (STAT-S25)", () => {
  test.prop([scenario])(
    "STAT-S25: after a period that ran past 72 hours, a further period recorded with its end is refused exactly when the 28 days before it began already held 72 hours, or some 28 days holding part of it would hold more than 72",
    ({ change, overrunHours, offsetHours, hours }) => {
      const origin = atLondon(change, "09:00" as TimeOfDay).epochMillis
      const overrun = { from: origin, to: origin + overrunHours * hour }
      const next = { from: origin + offsetHours * hour, to: origin + (offsetHours + hours) * hour }
      fc.pre(next.to <= overrun.from || next.from >= overrun.to)
      const recordedAt = DateTime.unsafeMake(Math.max(overrun.to, next.to) + hour)
      const history = northSomerset.play([
        cmd({ _tag: "RecordDateOfBirth", dateOfBirth: `${Number(change.slice(0, 4)) - 15}-01-01` }, DateTime.unsafeMake(origin - 100 * 24 * hour)),
        cmd({ _tag: "RecordSecureAccommodation", startedAt: DateTime.unsafeMake(overrun.from) }, DateTime.unsafeMake(overrun.from)),
        cmd({ _tag: "EndSecureAccommodation", endedAt: DateTime.unsafeMake(overrun.to) }, DateTime.unsafeMake(overrun.to))
      ])
      const command = cmd({ _tag: "RecordSecureAccommodation", startedAt: DateTime.unsafeMake(next.from), endedAt: DateTime.unsafeMake(next.to) }, recordedAt)
      const outcome = Effect.runSync(Effect.either(childRecordDecider.decide(command, fold(childRecordDecider, history), contextOf("north-somerset"))))
      // Independent of the code: every window ending on a whole hour from just after the period starts to 28 days
      // after it ends (the spans begin and end on whole hours, so the most in a window is found at one of them).
      const spans = [overrun, next]
      const ends = Array.from({ length: hours + windowHours - 1 }, (_, i) => next.from + (i + 1) * hour)
      const over = usedAt([overrun], next.from) >= 72 * hour || ends.some((t) => usedAt(spans, t) > 72 * hour)
      expect(Either.isLeft(outcome)).toBe(over)
      if (Either.isLeft(outcome)) expect(outcome.left).toMatchObject({ _tag: "SecureAccommodationRefused", ruleId: "STAT-S25" })
    }
  )
})
