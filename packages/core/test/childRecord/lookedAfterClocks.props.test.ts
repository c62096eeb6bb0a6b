import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { formatInstant } from "../../src/calendar/format.js"
import { addDays, addMonths, type LocalDate } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { legalStatusCodes } from "../../src/childRecord/LegalStatus.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockChangeDays, instantArb } from "../calendar/arbitraries.js"
import { contextOf } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const hour = 3_600_000
const day = 24 * hour
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** Instants from 40 days before to 2 days after a clock change: the counts span it. */
const nearClockChange: fc.Arbitrary<DateTime.Utc> = fc
  .tuple(fc.constantFrom(...clockChangeDays), fc.integer({ min: -40 * day, max: 2 * day }))
  .map(([change, millis]) => plus(atLondon(change, "00:00" as TimeOfDay), millis))
const fromArb = fc.oneof(instantArb, nearClockChange)
const codeArb = fc.constantFrom(...legalStatusCodes)

/** The oracle: the 20th working day after `date`, stepping one day at a time. */
const twentiethWorkingDayAfter = (date: LocalDate) => {
  let day = date
  for (let counted = 0; counted < 20; ) {
    day = addDays(day, 1)
    if (englandAndWales.isWorkingDay(day)) counted++
  }
  return day
}
/** A wall time that does not exist on the spring change day (01:xx) reads as an hour later. */
const sameWallTime = (from: DateTime.Utc, to: DateTime.Utc) =>
  londonTimeOf(to) === londonTimeOf(from) || (londonTimeOf(from).startsWith("01:") && londonTimeOf(to) === `02:${londonTimeOf(from).slice(3)}`)

const clocksOf = (events: ReturnType<typeof northSomerset.play>, now: DateTime.Utc) =>
  Object.fromEntries(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d]))

describe("looked-after review clocks: properties (STAT-R33)", () => {
  test.prop([fromArb, codeArb])(
    "STAT-R33: the first review falls due on the 20th working day after the child became looked after, at the same wall time, across either clock change; time alone never meets it",
    (from, code) => {
      const events = northSomerset.play([cmd({ _tag: "RecordLegalStatus", code, from }, from)])
      const dueDay = twentiethWorkingDayAfter(londonDateOf(from))
      const clock = Object.values(clocksOf(events, from)).find((c) => c.id === "child-1:r33:la-1:1")!
      expect(londonDateOf(clock.due)).toBe(dueDay)
      expect(sameWallTime(from, clock.due)).toBe(true)
      expect(clock.explanation).toMatch(new RegExp(`^due ${formatInstant(clock.due)} - STAT-R33: 20 working days after the child became looked after at ${formatInstant(from)} \\(legal status ${code}: `))
      expect(clocksOf(events, plus(clock.due, 1))["child-1:r33:la-1:1"]).toMatchObject({ state: "overdue" })
    }
  )

  test.prop([fromArb, fc.integer({ min: 1, max: 60 * day }), fc.integer({ min: 1, max: 200 * day })])(
    "STAT-R33: the second review is due 3 calendar months after the first and the third 6 months after the second, at the same wall time; each review meets its clock",
    (from, untilFirst, untilSecond) => {
      const first = plus(from, untilFirst)
      const second = plus(first, untilSecond)
      const events = northSomerset.play([
        cmd({ _tag: "RecordLegalStatus", code: "C1", from }, from),
        cmd({ _tag: "RecordLookedAfterReview", heldAt: first, iroName: "Imogen Reyes" }, first),
        cmd({ _tag: "RecordLookedAfterReview", heldAt: second, iroName: "Imogen Reyes" }, second)
      ])
      const clocks = clocksOf(events, second)
      expect(clocks["child-1:r33:la-1:1"]).toMatchObject({ state: "met", metAt: first })
      expect(clocks["child-1:r33:la-1:2"]).toMatchObject({ state: "met", metAt: second })
      const secondDue = clocks["child-1:r33:la-1:2"]!.due
      const thirdDue = clocks["child-1:r33:la-1:3"]!.due
      expect(londonDateOf(secondDue)).toBe(addMonths(londonDateOf(first), 3))
      expect(sameWallTime(first, secondDue)).toBe(true)
      expect(londonDateOf(thirdDue)).toBe(addMonths(londonDateOf(second), 6))
      expect(sameWallTime(second, thirdDue)).toBe(true)
      expect(clocks["child-1:r33:la-1:2"]!.metLate).toBe(DateTime.greaterThan(second, secondDue))
    }
  )

  test.prop([fromArb, fc.array(fc.tuple(codeArb, fc.integer({ min: 0, max: 90 * day })), { minLength: 1, maxLength: 6 })])(
    "a child already looked after does not restart the count: whatever legal statuses follow, one period from the first, and the first review stays where it was",
    (from, changes) => {
      let at = from
      const commands = [cmd({ _tag: "RecordLegalStatus", code: "L1", from }, from)]
      for (const [code, gap] of changes) {
        at = plus(at, gap)
        commands.push(cmd({ _tag: "RecordLegalStatus", code, from: at }, at))
      }
      const events = northSomerset.play(commands)
      const record = recordOf(events)
      expect(record.lookedAfter).toHaveLength(1)
      expect(record.lookedAfter[0]!.from).toEqual(from)
      expect(londonDateOf(clocksOf(events, at)["child-1:r33:la-1:1"]!.due)).toBe(twentiethWorkingDayAfter(londonDateOf(from)))
    }
  )
})
