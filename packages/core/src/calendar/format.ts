import { DateTime } from "effect"
import { type LocalDate, localDateParts, type Weekday, weekdayOf } from "./LocalDate.js"
import { londonDateOf, londonTimeOf, type TimeOfDay } from "./londonTime.js"
import { remembered } from "./remembered.js"

/** Formats for the explanations a social worker reads ("why is this due?"). English, fixed, no locale lookups. */

const monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** "Wed 9 Jun 2027" */
export const formatDate: (date: LocalDate) => string = remembered((date) => {
  const { year, month, day } = localDateParts(date)
  return `${capitalise(weekdayOf(date).slice(0, 3))} ${day} ${monthAbbreviations[month - 1]} ${year}`
})

const formatEpochMillis = remembered((epochMillis: number) => {
  const instant = DateTime.unsafeMake(epochMillis)
  return `${londonTimeOf(instant)} ${formatDate(londonDateOf(instant))}`
})

/** "12:00 Fri 4 Jun 2027", in London wall time. */
export const formatInstant = (instant: DateTime.DateTime): string => formatEpochMillis(instant.epochMillis)

/** "noon" for 12:00, "midnight" for 00:00, otherwise the 24-hour time itself ("17:00"). */
export const describeTime = (time: TimeOfDay): string =>
  time === "12:00" ? "noon" : time === "00:00" ? "midnight" : time

/** "Friday" for "friday". */
export const weekdayName = (weekday: Weekday): string => capitalise(weekday)
