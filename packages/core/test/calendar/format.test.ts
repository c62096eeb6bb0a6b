import { DateTime } from "effect"
import fc from "fast-check"
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

describe("formats, against the platform's own London formatting", () => {
  const londonDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", year: "numeric" })
  const londonTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
  // ICU writes "Wed, 1 Sept 2027" where Carepanel writes "Wed 1 Sep 2027". 2025 to 2034, clock changes included; a small pool so that the same instants come back, as an authority's clocks do.
  const instants = fc.array(fc.integer({ min: 1_735_689_600, max: 2_051_222_400 }).map((seconds) => seconds * 1000), { minLength: 1, maxLength: 5 })

  it("formatInstant gives the London wall time and date, the first time and every time after", () => {
    fc.assert(
      fc.property(instants, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (pool, picks) => {
        for (const pick of picks) {
          const millis = pool[pick % pool.length]!
          expect(formatInstant(DateTime.unsafeMake(millis))).toBe(`${londonTime.format(millis)} ${londonDate.format(millis).replace(",", "").replace("Sept", "Sep")}`)
        }
      })
    )
  })
})
