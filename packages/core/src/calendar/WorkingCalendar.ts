import { Context } from "effect"
import { addDays, type LocalDate } from "./LocalDate.js"
import { remembered } from "./remembered.js"

/**
 * Which days are working days for an authority: Monday to Friday, less England and Wales bank holidays
 * and the authority's own closure days. All answers are about dates in Europe/London.
 */
export interface Calendar {
  readonly isWorkingDay: (date: LocalDate) => boolean
  /** Why a date is not a working day ("Saturday", "Christmas Day", "authority closure: ..."), or undefined. */
  readonly closureReason: (date: LocalDate) => string | undefined
  /** n working days after `date` (n < 0: before). `date` itself never counts. */
  readonly addWorkingDays: (date: LocalDate, n: number) => LocalDate
  /** The first working day strictly after `date`. */
  readonly nextWorkingDay: (date: LocalDate) => LocalDate
  /** The last working day strictly before `date`. */
  readonly previousWorkingDay: (date: LocalDate) => LocalDate
}

export class WorkingCalendar extends Context.Tag("@carepanel/core/WorkingCalendar")<WorkingCalendar, Calendar>() {}

/** A full `Calendar` from which days are working days and why the others are not; stepping goes a day at a time. */
export const calendarFrom = (days: Pick<Calendar, "isWorkingDay" | "closureReason">): Calendar => {
  const step = (date: LocalDate, direction: 1 | -1): LocalDate => {
    let day = addDays(date, direction)
    while (!days.isWorkingDay(day)) day = addDays(day, direction)
    return day
  }
  return {
    isWorkingDay: days.isWorkingDay,
    closureReason: days.closureReason,
    addWorkingDays: (date, n) => {
      const direction = n < 0 ? -1 : 1
      let day = date
      for (let i = 0; i < Math.abs(n); i++) day = step(day, direction)
      return day
    },
    nextWorkingDay: (date) => step(date, 1),
    previousWorkingDay: (date) => step(date, -1)
  }
}

/**
 * Working days from `from` to `to`, counted the way `addWorkingDays` steps: `from` never counts, `to` does.
 * So when `to` is a working day, `addWorkingDays(from, workingDaysBetween(calendar, from, to)) === to`.
 * Negative when `to` is earlier.
 */
export const workingDaysBetween = (calendar: Calendar, from: LocalDate, to: LocalDate): number => countsOn(calendar)(`${from}/${to}`)

/** Per calendar, each span counted once: a report asks the same spans (submitted one day, heard at one sitting) often. */
const counts = new WeakMap<Calendar, (span: string) => number>()
const countsOn = (calendar: Calendar) => {
  const known = counts.get(calendar)
  if (known !== undefined) return known
  const count = remembered((span: string) => countWorkingDays(calendar, span.slice(0, 10) as LocalDate, span.slice(11) as LocalDate))
  counts.set(calendar, count)
  return count
}

const countWorkingDays = (calendar: Calendar, from: LocalDate, to: LocalDate): number => {
  const direction = to < from ? -1 : 1
  let count = 0
  for (let day = from; day !== to; ) {
    day = addDays(day, direction)
    if (calendar.isWorkingDay(day)) count += direction
  }
  return count
}
