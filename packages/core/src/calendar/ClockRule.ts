import { Schema } from "effect"
import { Weekday } from "./LocalDate.js"
import { TimeOfDay } from "./londonTime.js"

/**
 * When a clock falls due, relative to an anchor (a sitting, a placement, a decision). Clock rules are data
 * held in an authority's policy, so each is a schema that encodes to plain JSON, e.g.
 * `{ "_tag": "WeekdayBefore", "weekday": "friday", "time": "12:00" }`. `resolveClock` turns one into an instant.
 */

/**
 * What to do when the computed day is not a working day. `nextWorkingDayBefore`: the next working day if it still
 * comes before the anchor's day (NSO-3's Monday papers on a bank holiday go on Tuesday), else the previous one.
 */
export const IfClosed = Schema.Literal("previousWorkingDay", "nextWorkingDay", "nextWorkingDayBefore", "keep")
export type IfClosed = typeof IfClosed.Type

export const DayUnit = Schema.Literal("calendar", "working")
export type DayUnit = typeof DayUnit.Type

// Defaults are the choice an administrator would expect: a deadline before an event comes earlier when its day
// is closed (papers are still in before the sitting), a deadline after an event comes later (nobody is asked to
// act on a closed day). A policy can override either per rule.
const ifClosedBefore = Schema.optionalWith(IfClosed, { default: () => "previousWorkingDay" as const })
const ifClosedAfter = Schema.optionalWith(IfClosed, { default: () => "nextWorkingDay" as const })

const count = Schema.NonNegativeInt

/** The last `weekday` strictly before the anchor's date, at `time` London time (NSO-3, CPR-4, CPR-9, LIN-3). */
export const WeekdayBefore = Schema.TaggedStruct("WeekdayBefore", {
  weekday: Weekday,
  time: TimeOfDay,
  ifClosed: ifClosedBefore
})
export type WeekdayBefore = typeof WeekdayBefore.Type

/**
 * `days` calendar or working days before the anchor's date (KNO-2, KNO-6, SUP-4), at `time` London time;
 * without a `time`, at the anchor's own London wall time.
 */
export const DaysBefore = Schema.TaggedStruct("DaysBefore", {
  days: count,
  unit: DayUnit,
  time: Schema.optional(TimeOfDay),
  ifClosed: ifClosedBefore
})
export type DaysBefore = typeof DaysBefore.Type

/** `days` calendar or working days after the anchor's date (LIN-9); `time` as for `DaysBefore`. */
export const DaysAfter = Schema.TaggedStruct("DaysAfter", {
  days: count,
  unit: DayUnit,
  time: Schema.optional(TimeOfDay),
  ifClosed: ifClosedAfter
})
export type DaysAfter = typeof DaysAfter.Type

/** Elapsed hours from the anchor instant (CPR-11, LIN-12, LIN-16, LIN-18). Never moved for closures. */
export const HoursAfter = Schema.TaggedStruct("HoursAfter", {
  hours: count
})
export type HoursAfter = typeof HoursAfter.Type

/**
 * Whole weeks after the anchor, at the same London wall time (STAT-R24, NSO-9). Never moved for closures:
 * a statutory limit such as regulation 24's 16 weeks does not stretch over a bank holiday.
 */
export const WeeksAfter = Schema.TaggedStruct("WeeksAfter", {
  weeks: count
})
export type WeeksAfter = typeof WeeksAfter.Type

/** Calendar months after the anchor (clamped to a shorter month's end), same London wall time (LIN-6). */
export const MonthsAfter = Schema.TaggedStruct("MonthsAfter", {
  months: count,
  ifClosed: ifClosedAfter
})
export type MonthsAfter = typeof MonthsAfter.Type

export const ClockRule = Schema.Union(WeekdayBefore, DaysBefore, DaysAfter, HoursAfter, WeeksAfter, MonthsAfter)
export type ClockRule = typeof ClockRule.Type
