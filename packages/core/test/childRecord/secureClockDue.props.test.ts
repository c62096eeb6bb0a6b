import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { secureClocks } from "../../src/childRecord/secureClocks.js"
import { preset } from "../../src/policy/authorities/index.js"
import { secureRecordOf } from "./fixtures.js"

// STAT-S25's two clocks for a child's latest period in secure accommodation, whatever came before it: earlier periods,
// and any number of court authorities (overlapping, before, during or after the period). Everything falls on whole
// hours, so the counted time is linear between hours and an independent hour-by-hour count finds the first instant.
const hour = 3_600_000
const window = 28 * 24 * hour
interface Span {
  readonly from: number
  readonly to: number
}
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from))
/** The courts' authorities merged into disjoint spans, then taken out of each span: what counts. */
const counted = (spans: ReadonlyArray<Span>, courts: ReadonlyArray<Span>): Span[] => {
  const merged: Span[] = []
  for (const court of [...courts].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1)
    if (last !== undefined && court.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, court.to) }
    else merged.push(court)
  }
  return spans.flatMap((span) => {
    const parts: Span[] = []
    let cursor = span.from
    for (const court of merged) {
      if (court.to <= cursor || court.from >= span.to) continue
      if (court.from > cursor) parts.push({ from: cursor, to: court.from })
      cursor = Math.max(cursor, court.to)
    }
    if (cursor < span.to) parts.push({ from: cursor, to: span.to })
    return parts
  })
}

const origin = Date.UTC(2027, 0, 4, 9)
const scenario = fc.record({
  periods: fc.array(fc.record({ gapHours: fc.integer({ min: 0, max: 400 }), hours: fc.integer({ min: 1, max: 80 }) }), { maxLength: 4 }),
  courts: fc.array(fc.record({ fromHours: fc.integer({ min: 0, max: 1500 }), hours: fc.integer({ min: 1, max: 900 }) }), { maxLength: 4 }),
  openGapHours: fc.integer({ min: 0, max: 300 })
})

/** Both clocks of the open period, checked against the independent count. */
const checkClocks = (closed: ReadonlyArray<Span>, start: number, courtSpans: ReadonlyArray<Span>) => {
  const record = secureRecordOf(closed, start, courtSpans)
  const clocks = secureClocks(record, preset("north-somerset")).filter((clock) => clock.id.endsWith(":open"))
  // What counts, the open period taken as running on for years: the count at t takes it up to t.
  const parts = counted([...closed, { from: start, to: start + 20 * 365 * 24 * hour }], courtSpans)
  for (const [name, hours] of [["secure-48h", 48], ["secure-72h", 72]] as const) {
    const clock = clocks.find((candidate) => candidate.id === `child-1:${name}:open`)
    expect(clock, `the ${name} clock`).toBeDefined()
    const due = "fixed" in clock!.rule ? DateTime.toEpochMillis(clock!.rule.fixed.due) : Number.NaN
    const used = (t: number) => parts.reduce((sum, part) => sum + overlap({ from: part.from, to: Math.min(part.to, t) }, { from: t - window, to: t }), 0)
    const target = hours * hour
    expect(due).toBeGreaterThanOrEqual(start)
    if (used(start) >= target) {
      expect(due).toBe(start)
      continue
    }
    expect(used(due)).toBeGreaterThanOrEqual(target)
    expect(used(due - 1)).toBeLessThan(target)
    let reachedEarlier: number | undefined
    for (let t = start; t < due && reachedEarlier === undefined; t += hour) if (used(t) >= target) reachedEarlier = t
    expect(reachedEarlier, `${name}: reached at an earlier hour`).toBeUndefined()
  }
}

/**
 * A long stay: one court's authority after another, each four weeks to six months, with under 72 hours between (often
 * close to 72: over many authorities, the time without one passes 28 days while no 28 days hold 72 hours of it).
 */
const gapHours = fc.oneof(fc.integer({ min: 60, max: 71 }), fc.integer({ min: 1, max: 71 }))
const successiveAuthorities = fc.array(fc.record({ gapHours, weeks: fc.integer({ min: 4, max: 26 }) }), { minLength: 1, maxLength: 16, size: "max" })

describe("secure accommodation: when the latest period's clocks fall due (STAT-S25, DEF-S25-WARN-48H)", () => {
  test.prop([scenario])(
    "STAT-S25, DEF-S25-WARN-48H: both clocks are always shown, never before the period began, and each at the first instant 48 or 72 counted hours are reached in the 28 days to then",
    ({ periods, courts, openGapHours }) => {
      const closed: Span[] = []
      let cursor = origin
      for (const { gapHours, hours } of periods) {
        closed.push({ from: cursor + gapHours * hour, to: cursor + (gapHours + hours) * hour })
        cursor = closed.at(-1)!.to
      }
      const start = cursor + openGapHours * hour
      checkClocks(closed, start, courts.map(({ fromHours, hours }) => ({ from: origin + fromHours * hour, to: origin + (fromHours + hours) * hour })))
    }
  )

  test.prop([successiveAuthorities])(
    "STAT-S25: a child kept for months under one court's authority after another, with under 72 hours between, still has both clocks, each due at the first instant",
    (authorities) => {
      const courts: Span[] = []
      let cursor = origin
      for (const { gapHours, weeks } of authorities) {
        courts.push({ from: cursor + gapHours * hour, to: cursor + gapHours * hour + weeks * 7 * 24 * hour })
        cursor = courts.at(-1)!.to
      }
      checkClocks([], origin, courts)
    }
  )
})
