import { type DateTime, Schema } from "effect"
import { addDays, addMonths, isAfter, isBefore, type LocalDate, LocalDate as LocalDateSchema, localDateFromParts } from "../calendar/LocalDate.js"
import { londonDateOf } from "../calendar/londonTime.js"

/** A reporting period: London dates, both ends included. */
export const Period = Schema.Struct({ from: LocalDateSchema, to: LocalDateSchema }).pipe(
  Schema.filter((period) => period.from <= period.to || `The period starts on ${period.from}, after it ends on ${period.to}.`)
)
export type Period = typeof Period.Type

/** The London date of an instant: what "in the period" is measured on. */
export const dayOf = (instant: DateTime.Utc): LocalDate => londonDateOf(instant)

export const dateWithin = (period: Period, date: LocalDate | undefined): boolean =>
  date !== undefined && date >= period.from && date <= period.to

export const within = (period: Period, instant: DateTime.Utc | undefined): boolean =>
  instant !== undefined && dateWithin(period, dayOf(instant))

/** "2027-06" */
export const monthOf = (date: LocalDate): string => date.slice(0, 7)

/** The calendar months a period touches, each cut to the period. */
export const monthsOf = (period: Period): ReadonlyArray<{ readonly month: string; readonly period: Period }> => {
  const months: Array<{ month: string; period: Period }> = []
  for (let start = `${monthOf(period.from)}-01` as LocalDate; start <= period.to; start = addMonths(start, 1)) {
    const end = addDays(addMonths(start, 1), -1)
    months.push({ month: monthOf(start), period: { from: isAfter(period.from, start) ? period.from : start, to: isBefore(period.to, end) ? period.to : end } })
  }
  return months
}

/** Twelve months from `firstMonth` of `year`: the calendar year by default, 4 for a council's April-March year. */
export const yearOf = (year: number, firstMonth = 1): Period => {
  const from = localDateFromParts({ year, month: firstMonth, day: 1 })
  return { from, to: addDays(addMonths(from, 12), -1) }
}
