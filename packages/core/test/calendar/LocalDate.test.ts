import { Either, Option, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  addDays,
  addMonths,
  compareLocalDates,
  daysBetween,
  isAfter,
  isBefore,
  isWeekend,
  LocalDate,
  localDate,
  localDateFromParts,
  localDateParts,
  parseLocalDate,
  weekdayOf,
  Weekday
} from "../../src/calendar/LocalDate.js"
import { dateArb } from "./arbitraries.js"

const d = localDate

describe("LocalDate schema", () => {
  it("accepts real calendar dates, including 29 February in a leap year", () => {
    expect(Schema.decodeUnknownSync(LocalDate)("2027-06-09")).toBe("2027-06-09")
    expect(Schema.decodeUnknownSync(LocalDate)("2028-02-29")).toBe("2028-02-29")
  })

  it.each(["2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-06-00", "2027-06-31", "2027-06-32", "2027-6-9", "09/06/2027", "2027-06-09T00:00", ""])(
    "rejects %j",
    (input) => {
      expect(Either.isLeft(Schema.decodeUnknownEither(LocalDate)(input))).toBe(true)
      expect(Option.isNone(parseLocalDate(input))).toBe(true)
      expect(() => localDate(input)).toThrow(RangeError)
    }
  )

  it("property: a YYYY-MM-DD string is accepted exactly when that day exists in the Gregorian calendar", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0")
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
        const probe = new Date(0)
        probe.setUTCFullYear(year, month - 1, day)
        const exists = month >= 1 && month <= 12 && day >= 1 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
        expect(Option.isSome(parseLocalDate(text))).toBe(exists)
      }),
      { numRuns: 2000 }
    )
  })

  it("rejects a non-string", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(LocalDate)(20270609))).toBe(true)
  })

  it("encodes to the same string (JSON round trip)", () => {
    expect(Schema.encodeSync(LocalDate)(d("2027-06-09"))).toBe("2027-06-09")
  })
})

describe("Weekday schema", () => {
  it("is the lower-case English day names, Monday first", () => {
    expect(Weekday.literals).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
  })
})

describe("date arithmetic", () => {
  it("knows the weekday of dates either side of 1970 and of the sittings in the seeds", () => {
    expect(weekdayOf(d("2027-06-09"))).toBe("wednesday")
    expect(weekdayOf(d("1970-01-01"))).toBe("thursday")
    expect(weekdayOf(d("1969-12-31"))).toBe("wednesday")
    expect(weekdayOf(d("2026-04-03"))).toBe("friday")
    expect(isWeekend(d("2027-06-12"))).toBe(true)
    expect(isWeekend(d("2027-06-11"))).toBe(false)
  })

  it("adds days across months, years and 29 February", () => {
    expect(addDays(d("2027-12-31"), 1)).toBe("2028-01-01")
    expect(addDays(d("2028-02-28"), 1)).toBe("2028-02-29")
    expect(addDays(d("2028-03-01"), -1)).toBe("2028-02-29")
    expect(addDays(d("2027-06-09"), 0)).toBe("2027-06-09")
  })

  it("counts days between, negative backwards", () => {
    expect(daysBetween(d("2027-06-02"), d("2027-06-09"))).toBe(7)
    expect(daysBetween(d("2027-06-09"), d("2027-06-02"))).toBe(-7)
    expect(daysBetween(d("2027-01-01"), d("2028-01-01"))).toBe(365)
    expect(daysBetween(d("2028-01-01"), d("2029-01-01"))).toBe(366)
  })

  it("LIN-6: adds months, clamping to the end of a shorter month", () => {
    expect(addMonths(d("2027-03-31"), 1)).toBe("2027-04-30")
    expect(addMonths(d("2027-01-31"), 1)).toBe("2027-02-28")
    expect(addMonths(d("2028-01-31"), 1)).toBe("2028-02-29")
    expect(addMonths(d("2027-11-15"), 2)).toBe("2028-01-15")
    expect(addMonths(d("2027-01-15"), -1)).toBe("2026-12-15")
    expect(addMonths(d("2027-06-09"), 12)).toBe("2028-06-09")
  })

  it("orders dates", () => {
    expect(compareLocalDates(d("2027-06-02"), d("2027-06-09"))).toBe(-1)
    expect(compareLocalDates(d("2027-06-09"), d("2027-06-09"))).toBe(0)
    expect(isBefore(d("2026-12-31"), d("2027-01-01"))).toBe(true)
    expect(isAfter(d("2026-12-31"), d("2027-01-01"))).toBe(false)
  })

  it("reads a date's parts and builds one from parts", () => {
    expect(localDateParts(d("2027-06-09"))).toEqual({ year: 2027, month: 6, day: 9 })
    expect(localDateFromParts({ year: 2027, month: 6, day: 9 })).toBe("2027-06-09")
    expect(() => localDateFromParts({ year: 2027, month: 2, day: 29 })).toThrow(RangeError)
  })

  it("property: addDays and daysBetween agree, and a week later is the same weekday", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (date, n) => {
        const later = addDays(date, n)
        expect(daysBetween(date, later)).toBe(n)
        expect(addDays(later, -n)).toBe(date)
        expect(compareLocalDates(later, date)).toBe(n > 0 ? 1 : n < 0 ? -1 : 0)
        expect(weekdayOf(addDays(date, 7 * n))).toBe(weekdayOf(date))
      })
    )
  })

  it("property: addMonths keeps the day of month unless the month is shorter, then lands on its last day", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const moved = localDateParts(addMonths(date, n))
        const { day } = localDateParts(date)
        if (moved.day !== day) {
          expect(moved.day).toBeLessThan(day)
          expect(localDateParts(addDays(addMonths(date, n), 1)).day).toBe(1)
        }
      })
    )
  })
})
