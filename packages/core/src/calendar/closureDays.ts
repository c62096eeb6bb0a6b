import { Schema } from "effect"
import { LocalDate } from "./LocalDate.js"
import { type Calendar, calendarFrom } from "./WorkingCalendar.js"

/** A day an authority's offices close on top of bank holidays, e.g. a council's Christmas shutdown day. */
export const ClosureDay = Schema.Struct({
  date: LocalDate,
  reason: Schema.String
})
export type ClosureDay = typeof ClosureDay.Type

const withClosures = new WeakMap<Calendar, WeakMap<ReadonlyArray<ClosureDay>, Calendar>>()

/**
 * `calendar` with an authority's own closure days taken out of its working days. The same policy gives the same
 * calendar object each time, so what is remembered about a calendar (its clocks, `rememberingResolver`) is kept.
 */
export const withClosureDays = (calendar: Calendar, closureDays: ReadonlyArray<ClosureDay>): Calendar => {
  if (closureDays.length === 0) return calendar
  const ofCalendar = withClosures.get(calendar) ?? new WeakMap<ReadonlyArray<ClosureDay>, Calendar>()
  withClosures.set(calendar, ofCalendar)
  const known = ofCalendar.get(closureDays)
  if (known !== undefined) return known
  const closed = closedOn(calendar, closureDays)
  ofCalendar.set(closureDays, closed)
  return closed
}

const closedOn = (calendar: Calendar, closureDays: ReadonlyArray<ClosureDay>): Calendar => {
  const closures = new Map(closureDays.map((closure) => [closure.date, closure.reason]))
  return calendarFrom({
    isWorkingDay: (date) => !closures.has(date) && calendar.isWorkingDay(date),
    // The calendar's own reason ("Good Friday", "Saturday") comes first: it is what people recognise.
    closureReason: (date) => {
      const reason = calendar.closureReason(date)
      if (reason !== undefined) return reason
      const closure = closures.get(date)
      return closure === undefined ? undefined : `authority closure: ${closure}`
    }
  })
}
