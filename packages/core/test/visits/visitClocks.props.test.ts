import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { formatInstant } from "../../src/calendar/format.js"
import { addDays, epochDayOf } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { workingDaysBetween } from "../../src/calendar/WorkingCalendar.js"
import { clockChangeDays, instantArb } from "../calendar/arbitraries.js"
import { basicTest, carers, cmd, lincolnshire } from "../regulation24/fixtures.js"
import { firstReview, plan, visit, visitDeadlines } from "./fixtures.js"

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const toMinute = (instant: DateTime.Utc) => DateTime.unsafeMake(Math.floor(DateTime.toEpochMillis(instant) / minute) * minute)

/** Placements up to 10 weeks before a clock change (either), so that weekly and 4-weekly visits fall across it. */
const nearClockChange = fc
  .tuple(fc.constantFrom(...clockChangeDays), fc.integer({ min: -70 * day, max: 2 * day }))
  .map(([change, millis]) => plus(atLondon(change, "00:00" as TimeOfDay), millis))
const placedAtArb = fc.oneof(instantArb, nearClockChange).map(toMinute)

const daysBetween = (from: DateTime.Utc, to: DateTime.Utc) => epochDayOf(londonDateOf(to)) - epochDayOf(londonDateOf(from))
/** A wall time that does not exist on the spring change day (01:xx) reads as an hour later. */
const sameWallTime = (from: DateTime.Utc, to: DateTime.Utc) =>
  londonTimeOf(to) === londonTimeOf(from) || (londonTimeOf(from).startsWith("01:") && londonTimeOf(to) === `02:${londonTimeOf(from).slice(3)}`)
/** `days` London days after `anchor`, at its wall time: the oracle, from the calendar's primitives. */
const daysLater = (anchor: DateTime.Utc, days: number) => atLondon(addDays(londonDateOf(anchor), days), londonTimeOf(anchor))

const placedHistory = (placedAt: DateTime.Utc) =>
  lincolnshire.play([basicTest(undefined, placedAt), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt)])

describe("visit clocks: properties (STAT-R28)", () => {
  test.prop([placedAtArb, fc.array(fc.integer({ min: 1, max: 40 * 24 * 60 }), { maxLength: 7 }), fc.option(fc.integer({ min: 0, max: 120 * 24 * 60 }))], { numRuns: 60 })(
    "STAT-R28: for any placement instant and visits, across either clock change: the first visit within one London week, then weekly until the first review, then 4-weekly, each met by the next visit",
    (placedAt, gapsInMinutes, reviewAfterMinutes) => {
      const visits: DateTime.Utc[] = []
      for (const gap of gapsInMinutes) visits.push(plus(visits.at(-1) ?? placedAt, gap * minute))
      const reviewAt = reviewAfterMinutes === null ? undefined : plus(placedAt, reviewAfterMinutes * minute)
      const now = plus(DateTime.max(visits.at(-1) ?? placedAt, reviewAt ?? placedAt), hour)
      // Recorded in any order: the schedule follows when visits happened, not when they were written up.
      const commands = [...visits].reverse().map((visitedAt) => visit(visitedAt, { seenAlone: true }, now))
      const history = lincolnshire.play([...(reviewAt === undefined ? [] : [firstReview(reviewAt, now)]), ...commands], placedHistory(placedAt))
      const clocks = visitDeadlines(history, now)
      expect(Object.keys(clocks).filter((id) => id.includes(":visit:"))).toHaveLength(visits.length + 1)
      for (let i = 0; i <= visits.length; i++) {
        const anchor = i === 0 ? placedAt : visits[i - 1]!
        const reviewed = i > 0 && reviewAt !== undefined && !DateTime.greaterThan(reviewAt, daysLater(anchor, 7))
        const days = reviewed ? 28 : 7
        const clock = clocks[`plc_1:visit:${i + 1}`]!
        expect(daysBetween(anchor, clock.due)).toBe(days)
        expect(sameWallTime(anchor, clock.due)).toBe(true)
        expect(Math.abs(DateTime.distance(anchor, clock.due) - days * day)).toBeLessThanOrEqual(hour)
        expect(clock.explanation.startsWith(`due ${formatInstant(clock.due)} - STAT-R28: ${reviewed ? "4 weeks" : "1 week"} after ${i === 0 ? "the placement" : "the visit"} at ${formatInstant(anchor)}`)).toBe(true)
        const next = visits[i]
        if (next === undefined) expect(clock.state).not.toBe("met")
        else expect(clock).toMatchObject({ state: "met", metAt: next, metLate: DateTime.greaterThan(next, clock.due) })
      }
    }
  )

  test.prop([placedAtArb, fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }).filter((m) => m !== 0), fc.integer({ min: 0, max: 60 * 24 * 60 })])(
    "STAT-R28: a visit before the placement or still to come is always refused, with its reason, and nothing is recorded",
    (placedAt, offsetMinutes, recordedAfterMinutes) => {
      const now = plus(placedAt, recordedAfterMinutes * minute)
      const visitedAt = offsetMinutes < 0 ? plus(placedAt, offsetMinutes * minute) : plus(now, offsetMinutes * minute)
      const refusal = lincolnshire.given(placedHistory(placedAt)).when(visit(visitedAt, { seenAlone: true }, now)).refusal()
      expect(refusal).toMatchObject({ _tag: "VisitRefused", reason: offsetMinutes < 0 ? "before_placement" : "in_future" })
    }
  )
})

describe("placement plan clock: properties (STAT-R9)", () => {
  test.prop([placedAtArb, fc.option(fc.integer({ min: -10 * 24 * 60, max: 20 * 24 * 60 }))])(
    "STAT-R9: for any placement instant, across either clock change, the plan is due on the 5th working day after, at the placement's wall time; met by the plan, late only after that",
    (placedAt, preparedAfterMinutes) => {
      const preparedAt = preparedAfterMinutes === null ? undefined : plus(placedAt, preparedAfterMinutes * minute)
      const now = plus(DateTime.max(placedAt, preparedAt ?? placedAt), hour)
      const history = lincolnshire.play(preparedAt === undefined ? [] : [plan(preparedAt, now)], placedHistory(placedAt))
      const clock = visitDeadlines(history, now)["plc_1:placement-plan"]!
      const dueDay = londonDateOf(clock.due)
      expect(englandAndWales.isWorkingDay(dueDay)).toBe(true)
      expect(workingDaysBetween(englandAndWales, londonDateOf(placedAt), dueDay)).toBe(5)
      expect(sameWallTime(placedAt, clock.due)).toBe(true)
      const late = preparedAt !== undefined && DateTime.greaterThan(preparedAt, clock.due) ? `; met late, at ${formatInstant(preparedAt)}` : ""
      expect(clock.explanation).toBe(`due ${formatInstant(clock.due)} - STAT-R9: 5 working days after the placement at ${formatInstant(placedAt)}${late}`)
      if (preparedAt === undefined) expect(clock.state).not.toBe("met")
      else expect(clock).toMatchObject({ state: "met", metLate: DateTime.greaterThan(preparedAt, clock.due) })
    }
  )
})
