import { fc, test } from "@fast-check/vitest"
import { DateTime } from "effect"
import { describe, expect } from "vitest"
import type { ClockRule, IfClosed } from "../../src/calendar/ClockRule.js"
import { formatDate } from "../../src/calendar/format.js"
import { addDays, addMonths, type LocalDate, weekdayOf, Weekday } from "../../src/calendar/LocalDate.js"
import { londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { resolveClock } from "../../src/calendar/resolveClock.js"
import { type Calendar, workingDaysBetween } from "../../src/calendar/WorkingCalendar.js"
import { calendarArb, clockChangeDays, instantArb, timeArb } from "./arbitraries.js"

const weekdayArb = fc.constantFrom(...Weekday.literals)
const ifClosedArb = fc.constantFrom<IfClosed>("previousWorkingDay", "nextWorkingDay", "keep")

/** 01:xx on the last Sunday of March, any year (a due date may fall after the years `clockChangeDays` lists): no such time in London. */
const inSpringGap = (date: LocalDate, time: TimeOfDay) =>
  date.slice(5, 7) === "03" && date.slice(8) >= "25" && weekdayOf(date) === "sunday" && time.startsWith("01:")

/** Every day from `from` to `to`, both included, in either order. */
const daysFromTo = (from: LocalDate, to: LocalDate): ReadonlyArray<LocalDate> => {
  const [a, b] = from <= to ? [from, to] : [to, from]
  const days: Array<LocalDate> = []
  for (let day = a; day <= b; day = addDays(day, 1)) days.push(day)
  return days
}

/** The last `weekday` strictly before `date`, found by walking back day by day. */
const lastWeekdayBefore = (date: LocalDate, weekday: Weekday): LocalDate => {
  let day = addDays(date, -1)
  while (weekdayOf(day) !== weekday) day = addDays(day, -1)
  return day
}

/** The computed day was closed and every day between it and where it moved to is closed too. */
const expectMovedOnlyOverClosedDays = (calendar: Calendar, computed: LocalDate, due: LocalDate) => {
  expect(calendar.isWorkingDay(computed)).toBe(false)
  for (const day of daysFromTo(computed, due)) if (day !== due) expect(calendar.isWorkingDay(day)).toBe(false)
}

describe("WeekdayBefore properties (NSO-3, CPR-4, CPR-9, LIN-3)", () => {
  test.prop([calendarArb, instantArb, weekdayArb, timeArb, ifClosedArb])(
    "on the rule's weekday strictly before the anchor, or moved only over closed days, at the rule's time",
    (calendar, anchor, weekday, time, ifClosed) => {
      const rule: ClockRule = { _tag: "WeekdayBefore", weekday, time, ifClosed }
      const anchorDate = londonDateOf(anchor)
      const r = resolveClock(rule, { instant: anchor }, calendar)
      const due = londonDateOf(r.due)
      const computed = lastWeekdayBefore(anchorDate, weekday)

      if (r.adjusted === undefined) {
        expect(due).toBe(computed)
        expect(weekdayOf(due)).toBe(weekday)
      } else {
        expect(ifClosed).not.toBe("keep")
        expectMovedOnlyOverClosedDays(calendar, computed, due)
        expect(r.adjusted).toContain(`moved to ${formatDate(due)} because ${formatDate(computed)} is `)
      }
      if (ifClosed !== "keep") expect(calendar.isWorkingDay(due)).toBe(true)
      if (ifClosed !== "nextWorkingDay") {
        expect(due < anchorDate).toBe(true)
        const closedDaysSkipped = daysFromTo(due, computed).filter((day) => !calendar.isWorkingDay(day)).length
        expect(addDays(due, 7 + closedDaysSkipped) >= anchorDate).toBe(true)
      }
      expect(londonTimeOf(r.due)).toBe(inSpringGap(due, time) ? `02:${time.slice(3)}` : time)
    }
  )
})

describe("HoursAfter properties (CPR-11, LIN-12, LIN-16, LIN-18)", () => {
  test.prop([instantArb, fc.integer({ min: 0, max: 24 * 120 })])(
    "exactly N * 3600 s elapsed for any instant",
    (anchor, hours) => {
      const r = resolveClock({ _tag: "HoursAfter", hours }, { instant: anchor }, englandAndWales)
      expect(DateTime.toEpochMillis(r.due) - DateTime.toEpochMillis(anchor)).toBe(hours * 3_600_000)
      // The list of clock changes ends with 2030: keep the due date inside it.
      fc.pre(DateTime.toEpochMillis(r.due) < Date.UTC(2031, 0, 1))
      // Never moved for a closure; a note only when the wall clock changed meanwhile, naming each change.
      const changes = clockChangeDays.filter((day) => {
        const change = Date.parse(`${day}T01:00:00Z`)
        return change > DateTime.toEpochMillis(anchor) && change <= DateTime.toEpochMillis(r.due)
      })
      if (changes.length === 0) expect(r.adjusted).toBeUndefined()
      else expect(r.adjusted).toMatch(/^elapsed hours; the clocks went (forward|back) on \d+ (Mar|Oct)( and (forward|back) on \d+ (Mar|Oct))*$/)
      expect(r.adjusted?.split(" on ").length ?? 1).toBe(changes.length + 1)
    }
  )

  // Anchors within three days either side of every clock change 2018-2030.
  const nearClockChange = fc
    .tuple(fc.constantFrom(...clockChangeDays), fc.integer({ min: -72 * 60, max: 72 * 60 }))
    .map(([day, minutes]) => DateTime.unsafeMake(Date.parse(`${day}T01:00:00Z`) + minutes * 60_000))

  test.prop([nearClockChange, fc.constantFrom(24, 48, 72)])(
    "exactly N * 3600 s elapsed across both clock changes",
    (anchor, hours) => {
      const r = resolveClock({ _tag: "HoursAfter", hours }, { instant: anchor }, englandAndWales)
      expect(DateTime.distance(anchor, r.due)).toBe(hours * 3_600_000)
    }
  )
})

describe("day-counting rules (KNO-2, KNO-6, SUP-4, LIN-9, LIN-6, STAT-R24)", () => {
  test.prop([calendarArb, instantArb, fc.integer({ min: 1, max: 20 }), fc.constantFrom("DaysBefore", "DaysAfter")])(
    "working days: lands on a working day exactly N working days from the anchor's date",
    (calendar, anchor, days, tag) => {
      const rule: ClockRule = { _tag: tag, days, unit: "working", ifClosed: "keep" }
      const due = londonDateOf(resolveClock(rule, { instant: anchor }, calendar).due)
      expect(calendar.isWorkingDay(due)).toBe(true)
      expect(workingDaysBetween(calendar, londonDateOf(anchor), due)).toBe(tag === "DaysAfter" ? days : -days)
    }
  )

  test.prop([calendarArb, instantArb, fc.integer({ min: 0, max: 30 }), fc.constantFrom("DaysBefore", "DaysAfter"), ifClosedArb])(
    "calendar days: N days from the anchor's date, or moved only over closed days in the rule's direction",
    (calendar, anchor, days, tag, ifClosed) => {
      const rule: ClockRule = { _tag: tag, days, unit: "calendar", ifClosed }
      const r = resolveClock(rule, { instant: anchor }, calendar)
      const due = londonDateOf(r.due)
      const computed = addDays(londonDateOf(anchor), tag === "DaysAfter" ? days : -days)
      if (r.adjusted === undefined) expect(due).toBe(computed)
      else {
        expectMovedOnlyOverClosedDays(calendar, computed, due)
        expect(due < computed).toBe(ifClosed === "previousWorkingDay")
      }
      if (ifClosed !== "keep") expect(calendar.isWorkingDay(due)).toBe(true)
    }
  )

  test.prop([calendarArb, instantArb, fc.integer({ min: 0, max: 24 })])(
    "MonthsAfter: the clamped month date or the next working day after it, at the anchor's wall time",
    (calendar, anchor, months) => {
      const r = resolveClock({ _tag: "MonthsAfter", months, ifClosed: "nextWorkingDay" }, { instant: anchor }, calendar)
      const due = londonDateOf(r.due)
      const computed = addMonths(londonDateOf(anchor), months)
      expect(calendar.isWorkingDay(due)).toBe(true)
      if (r.adjusted === undefined) expect(due).toBe(computed)
      else expectMovedOnlyOverClosedDays(calendar, computed, due)
      const wall = londonTimeOf(anchor)
      if (!inSpringGap(due, wall)) expect(londonTimeOf(r.due)).toBe(wall)
    }
  )

  test.prop([instantArb, fc.integer({ min: 0, max: 30 })])(
    "WeeksAfter: 7N days later at the same London wall time, never moved",
    (anchor, weeks) => {
      const r = resolveClock({ _tag: "WeeksAfter", weeks }, { instant: anchor }, englandAndWales)
      const due = londonDateOf(r.due)
      expect(due).toBe(addDays(londonDateOf(anchor), 7 * weeks))
      const wall = londonTimeOf(anchor)
      if (!inSpringGap(due, wall)) expect(londonTimeOf(r.due)).toBe(wall)
      expect(r.adjusted).toBeUndefined()
    }
  )
})
