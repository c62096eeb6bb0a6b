import { DateTime, Option, Schema } from "effect"
import { type LocalDate, localDateFromParts, localDateParts } from "./LocalDate.js"
import { remembered } from "./remembered.js"

/** A 24-hour wall-clock time "HH:MM", e.g. "12:00", "17:00", "00:00". */
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export const TimeOfDay = Schema.String.pipe(
  Schema.pattern(timePattern, { message: () => "expected a 24-hour time HH:MM, e.g. 17:00" }),
  Schema.brand("TimeOfDay"),
  Schema.annotations({ identifier: "TimeOfDay", description: "a 24-hour wall-clock time, HH:MM" })
)
export type TimeOfDay = typeof TimeOfDay.Type

export const parseTimeOfDay = (s: string): Option.Option<TimeOfDay> =>
  timePattern.test(s) ? Option.some(s as TimeOfDay) : Option.none()

/** For literals and data already known to be valid; throws on anything else. */
export const timeOfDay = (s: string): TimeOfDay => {
  if (!timePattern.test(s)) throw new RangeError(`"${s}" is not a 24-hour time HH:MM`)
  return s as TimeOfDay
}

export const timeOfDayParts = (time: TimeOfDay): { readonly hours: number; readonly minutes: number } => ({
  hours: Number(time.slice(0, 2)),
  minutes: Number(time.slice(3, 5))
})

const pad2 = (n: number) => String(n).padStart(2, "0")

export const london: DateTime.TimeZone.Named = DateTime.zoneUnsafeMakeNamed("Europe/London")

/**
 * The instant a London wall clock shows `time` on `date`. On the March change a time that does not exist
 * (01:00-01:59) is read as the instant one hour later (01:30 -> 02:30 BST); on the October change a time
 * that happens twice (01:00-01:59) is read as the earlier, BST one. That is the "compatible" disambiguation.
 */
export const atLondon = (date: LocalDate, time: TimeOfDay): DateTime.Utc => atLondonOf(`${date}T${time}`)

/**
 * Time-zone arithmetic through Intl is slow and deadlines do a lot of it (1,000 requests' clocks), so both
 * directions are remembered: wall times by date and time, and London's UTC offset by UTC hour (London's offset
 * only ever changes on the hour, so an hour's offset is exact for every instant in it).
 */
const atLondonOf = remembered((wallTime: string): DateTime.Utc => {
  const { year, month, day } = localDateParts(wallTime.slice(0, 10) as LocalDate)
  const { hours, minutes } = timeOfDayParts(wallTime.slice(11) as TimeOfDay)
  const zoned = DateTime.unsafeMakeZoned(
    { year, month, day, hours, minutes },
    { timeZone: london, adjustForTimeZone: true, disambiguation: "compatible" }
  )
  return DateTime.toUtc(zoned)
})

const hourMs = 3_600_000

const offsetOfHour = remembered((hour: number) => DateTime.zonedOffset(DateTime.unsafeMakeZoned(hour * hourMs, { timeZone: london })))

/** London's offset from UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
export const londonOffsetMs = (epochMillis: number): number => offsetOfHour(Math.floor(epochMillis / hourMs))

const londonParts = (instant: DateTime.DateTime) => {
  const wall = new Date(instant.epochMillis + londonOffsetMs(instant.epochMillis))
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hours: wall.getUTCHours(),
    minutes: wall.getUTCMinutes()
  }
}

const londonDateAt = remembered((epochMillis: number): LocalDate => {
  const { year, month, day } = londonParts(DateTime.unsafeMake(epochMillis))
  return localDateFromParts({ year, month, day })
})

/** The London date of an instant (remembered: reports and clocks ask it of the same instants again and again). */
export const londonDateOf = (instant: DateTime.DateTime): LocalDate => londonDateAt(instant.epochMillis)

/** The London wall time to the minute (seconds are dropped). */
export const londonTimeOf = (instant: DateTime.DateTime): TimeOfDay => {
  const { hours, minutes } = londonParts(instant)
  return `${pad2(hours)}:${pad2(minutes)}` as TimeOfDay
}
