import Holidays from "date-holidays"
import { isWeekend, type LocalDate } from "./LocalDate.js"

/**
 * England and Wales bank holidays, from the `date-holidays` package. Its "GB"/"ENG" region is England; Wales has
 * the same bank holidays (the "GB" country alone lacks the summer bank holiday, which Scotland holds earlier).
 * Only holidays of type "public" count: "observance" entries (Mother's Day, Easter Sunday) are not days off.
 * test/calendar/bankHolidays.test.ts pins 2018-2030 against the gov.uk list, so an upgrade that changes a date fails.
 */

export interface BankHoliday {
  readonly date: LocalDate
  readonly name: string
}

let source: Holidays | undefined
const holidaysSource = (): Holidays => {
  source ??= new Holidays("GB", "ENG")
  return source
}

// Every public holiday of a year, weekend ones included, so that "Sat 25 Dec 2027" can be named Christmas Day.
const byYear = new Map<number, ReadonlyMap<LocalDate, string>>()

const publicHolidaysOf = (year: number): ReadonlyMap<LocalDate, string> => {
  let holidays = byYear.get(year)
  if (holidays === undefined) {
    holidays = new Map(
      holidaysSource()
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        // `date` is the local date in the region's zone: "2026-04-03 00:00:00"
        .map((holiday) => [holiday.date.slice(0, 10) as LocalDate, holiday.name] as const)
    )
    byYear.set(year, holidays)
  }
  return holidays
}

/** The holiday's name ("Good Friday", "Boxing Day (substitute day)") if `date` is a public holiday, even on a weekend. */
export const bankHolidayName = (date: LocalDate): string | undefined =>
  publicHolidaysOf(Number(date.slice(0, 4))).get(date)

/**
 * The days banks close in a year, in date order: the gov.uk list. A holiday falling on a weekend is
 * not in it; its substitute weekday is.
 */
export const bankHolidaysOf = (year: number): ReadonlyArray<BankHoliday> =>
  [...publicHolidaysOf(year)]
    .filter(([date]) => !isWeekend(date))
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
