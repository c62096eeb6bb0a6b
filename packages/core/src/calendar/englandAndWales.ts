import { Layer } from "effect"
import { bankHolidayName } from "./bankHolidays.js"
import { type ClosureDay, withClosureDays } from "./closureDays.js"
import { weekdayName } from "./format.js"
import { isWeekend, weekdayOf } from "./LocalDate.js"
import { type Calendar, calendarFrom, WorkingCalendar } from "./WorkingCalendar.js"

/** Monday to Friday, less England and Wales bank holidays. */
export const englandAndWales: Calendar = calendarFrom({
  isWorkingDay: (date) => !isWeekend(date) && bankHolidayName(date) === undefined,
  // A holiday's name is the better explanation even on a weekend: "Sat 25 Dec 2027 is Christmas Day".
  closureReason: (date) => bankHolidayName(date) ?? (isWeekend(date) ? weekdayName(weekdayOf(date)) : undefined)
})

export interface CalendarOptions {
  readonly closureDays?: ReadonlyArray<ClosureDay>
}

/** England and Wales working days, less an authority's own closure days. */
export const makeCalendar = (options: CalendarOptions = {}): Calendar =>
  withClosureDays(englandAndWales, options.closureDays ?? [])

/** The default calendar: England and Wales bank holidays, no authority closures. */
export const EnglandAndWalesCalendar: Layer.Layer<WorkingCalendar> = Layer.succeed(WorkingCalendar, englandAndWales)

/** England and Wales bank holidays plus an authority's own closure days. */
export const layer = (closureDays: ReadonlyArray<ClosureDay>): Layer.Layer<WorkingCalendar> =>
  Layer.succeed(WorkingCalendar, makeCalendar({ closureDays }))
