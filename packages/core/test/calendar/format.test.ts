import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { describeTime, formatDate, formatInstant } from "../../src/calendar/format.js"
import { localDate } from "../../src/calendar/LocalDate.js"
import { timeOfDay } from "../../src/calendar/londonTime.js"

describe("formats a social worker reads", () => {
  it("formatDate: short weekday, day without padding, short month, year", () => {
    expect(formatDate(localDate("2027-06-09"))).toBe("Wed 9 Jun 2027")
    expect(formatDate(localDate("2026-04-03"))).toBe("Fri 3 Apr 2026")
    expect(formatDate(localDate("2027-12-25"))).toBe("Sat 25 Dec 2027")
  })

  it("NSO-3: formatInstant shows London wall time in summer (BST)", () => {
    expect(formatInstant(DateTime.unsafeMake("2027-06-04T11:00:00Z"))).toBe("12:00 Fri 4 Jun 2027")
  })

  it("formatInstant shows London wall time in winter (GMT) and the London date just after midnight BST", () => {
    expect(formatInstant(DateTime.unsafeMake("2027-01-15T17:00:00Z"))).toBe("17:00 Fri 15 Jan 2027")
    expect(formatInstant(DateTime.unsafeMake("2027-06-08T23:30:00Z"))).toBe("00:30 Wed 9 Jun 2027")
  })

  it("describeTime: noon, midnight, otherwise the 24-hour time", () => {
    expect(describeTime(timeOfDay("12:00"))).toBe("noon")
    expect(describeTime(timeOfDay("00:00"))).toBe("midnight")
    expect(describeTime(timeOfDay("17:00"))).toBe("17:00")
    expect(describeTime(timeOfDay("12:30"))).toBe("12:30")
  })
})
