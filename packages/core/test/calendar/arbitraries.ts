import { DateTime } from "effect"
import fc from "fast-check"
import { epochDayOf, type LocalDate, localDate, localDateOfEpochDay } from "../../src/calendar/LocalDate.js"
import type { TimeOfDay } from "../../src/calendar/londonTime.js"
import { type ClosureDay, withClosureDays } from "../../src/calendar/closureDays.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"

export const first = localDate("2018-01-01")
export const last = localDate("2030-12-31")

/** Any date 2018-2030. */
export const dateArb: fc.Arbitrary<LocalDate> = fc
  .integer({ min: epochDayOf(first), max: epochDayOf(last) })
  .map(localDateOfEpochDay)

const pad2 = (n: number) => String(n).padStart(2, "0")
export const timeOfMinute = (minute: number): TimeOfDay =>
  `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}` as TimeOfDay

/** Any minute of the day. */
export const timeArb: fc.Arbitrary<TimeOfDay> = fc.integer({ min: 0, max: 1439 }).map(timeOfMinute)

/** Any instant 2018-2030, to the millisecond. */
export const instantArb: fc.Arbitrary<DateTime.Utc> = fc
  .integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((millis) => DateTime.unsafeMake(millis))

/** England and Wales, sometimes with a handful of authority closure days. */
export const calendarArb = fc
  .array(dateArb, { maxLength: 20 })
  .map((dates) =>
    withClosureDays(
      englandAndWales,
      dates.map((date): ClosureDay => ({ date, reason: "office move" }))
    )
  )

/** Each spring and autumn clock-change Sunday 2018-2030 (last Sunday of March and of October). */
export const clockChangeDays: ReadonlyArray<LocalDate> = [
  "2018-03-25", "2018-10-28", "2019-03-31", "2019-10-27", "2020-03-29", "2020-10-25", "2021-03-28", "2021-10-31",
  "2022-03-27", "2022-10-30", "2023-03-26", "2023-10-29", "2024-03-31", "2024-10-27", "2025-03-30", "2025-10-26",
  "2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31", "2028-03-26", "2028-10-29", "2029-03-25", "2029-10-28",
  "2030-03-31", "2030-10-27"
].map(localDate)
