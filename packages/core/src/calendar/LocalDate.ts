import { Option, Order, Schema } from "effect"

/**
 * A calendar date with no time and no time zone, as "YYYY-MM-DD". Arithmetic here is pure date
 * arithmetic (proleptic Gregorian); which instant a date starts at is `londonTime`'s business.
 */

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/
const millisPerDay = 86_400_000

const isRealDate = (s: string): boolean => {
  const match = pattern.exec(s)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export const LocalDate = Schema.String.pipe(
  Schema.filter((s) => isRealDate(s) || `"${s}" is not a calendar date in the form YYYY-MM-DD`),
  Schema.brand("LocalDate"),
  Schema.annotations({ identifier: "LocalDate", description: "a calendar date, YYYY-MM-DD" })
)
export type LocalDate = typeof LocalDate.Type

export const Weekday = Schema.Literal("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
export type Weekday = typeof Weekday.Type

/** Monday first, as in an English working week. */
export const weekdays: ReadonlyArray<Weekday> = Weekday.literals

export const parseLocalDate = (s: string): Option.Option<LocalDate> =>
  isRealDate(s) ? Option.some(s as LocalDate) : Option.none()

/** For literals and data already known to be valid; throws on anything else. */
export const localDate = (s: string): LocalDate => {
  if (!isRealDate(s)) throw new RangeError(`"${s}" is not a calendar date in the form YYYY-MM-DD`)
  return s as LocalDate
}

export interface DateParts {
  readonly year: number
  /** 1 = January */
  readonly month: number
  readonly day: number
}

export const localDateParts = (date: LocalDate): DateParts => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** Throws when the parts do not name a real date (e.g. 31 April). */
export const localDateFromParts = ({ year, month, day }: DateParts): LocalDate =>
  localDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)

// Date.UTC would read years 0-99 as 1900-1999; setUTCFullYear does not.
const utcMidnightMillis = (year: number, monthIndex: number, day: number): number => {
  const d = new Date(0)
  d.setUTCFullYear(year, monthIndex, day)
  return d.getTime()
}

export const daysInMonth = (year: number, month: number): number =>
  new Date(utcMidnightMillis(year, month, 0)).getUTCDate()

/** Days since 1970-01-01: a plain number to count and compare with. */
export const epochDayOf = (date: LocalDate): number => {
  const { year, month, day } = localDateParts(date)
  return utcMidnightMillis(year, month - 1, day) / millisPerDay
}

export const localDateOfEpochDay = (epochDay: number): LocalDate => {
  const d = new Date(epochDay * millisPerDay)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` as LocalDate
}

export const addDays = (date: LocalDate, days: number): LocalDate => localDateOfEpochDay(epochDayOf(date) + days)

/** Whole days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => epochDayOf(to) - epochDayOf(from)

/** Calendar months later (or earlier when negative), clamped to the end of a shorter month: 31 Jan + 1 = 28/29 Feb. */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const { year, month, day } = localDateParts(date)
  const monthIndex = year * 12 + (month - 1) + months
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  return localDateFromParts({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) })
}

// 1970-01-01 was a Thursday; weekdays[3] is "thursday".
export const weekdayOf = (date: LocalDate): Weekday => weekdays[(((epochDayOf(date) + 3) % 7) + 7) % 7]!

export const isWeekend = (date: LocalDate): boolean => {
  const weekday = weekdayOf(date)
  return weekday === "saturday" || weekday === "sunday"
}

/** "YYYY-MM-DD" sorts as text in date order, so string order is date order. */
export const LocalDateOrder: Order.Order<LocalDate> = Order.string
export const compareLocalDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => LocalDateOrder(a, b)
export const isBefore: (a: LocalDate, b: LocalDate) => boolean = Order.lessThan(LocalDateOrder)
export const isAfter: (a: LocalDate, b: LocalDate) => boolean = Order.greaterThan(LocalDateOrder)
