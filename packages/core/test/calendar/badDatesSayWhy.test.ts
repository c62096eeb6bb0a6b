import { DateTime, Either, ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { LocalDate, localDate } from "../../src/calendar/LocalDate.js"
import { timeOfDay } from "../../src/calendar/londonTime.js"
import { RealDateTimeUtc } from "../../src/calendar/RealDateTimeUtc.js"

const messageOf = <A, I>(schema: Schema.Schema<A, I>, input: unknown): string =>
  Either.match(Schema.decodeUnknownEither(schema)(input), {
    onLeft: (error) => ParseResult.TreeFormatter.formatErrorSync(error),
    onRight: () => "accepted"
  })

describe("a date or time that does not exist is refused, saying which and why", () => {
  it("names a calendar date that does not exist and the form it must take", () => {
    // Given a form's date typed as the 0th of June
    // When it is read, Then the refusal quotes it and says what a date must be
    expect(messageOf(LocalDate, "2027-06-00")).toContain(`"2027-06-00" is not a calendar date in the form YYYY-MM-DD`)
    expect(() => localDate("2027-02-29")).toThrow(`"2027-02-29" is not a calendar date in the form YYYY-MM-DD`)
  })

  it("refuses a moment on a day that does not exist instead of rolling it over to March, and takes a real one", () => {
    // Given an s20 consent said to be given at 10:00 on 30 February
    // When it is read, Then it is refused, saying the day must exist (JavaScript alone would read 2 March)
    expect(messageOf(RealDateTimeUtc, "2027-02-30T10:00:00Z")).toContain("must be a date and time on a day that exists")
    const real = Schema.decodeUnknownSync(RealDateTimeUtc)("2027-02-28T10:00:00Z")
    expect(DateTime.formatIso(real)).toBe("2027-02-28T10:00:00.000Z")
  })

  it("refuses a time of day past 23:59", () => {
    expect(() => timeOfDay("24:00")).toThrow(`"24:00" is not a 24-hour time HH:MM`)
    expect(timeOfDay("23:59")).toBe("23:59")
  })
})
