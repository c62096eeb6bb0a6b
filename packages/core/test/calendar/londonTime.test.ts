import { DateTime, Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, localDate } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, TimeOfDay, timeOfDay } from "../../src/calendar/londonTime.js"
import { clockChangeDays, dateArb, first, last, timeArb, timeOfMinute } from "./arbitraries.js"

const iso = (instant: DateTime.Utc) => DateTime.formatIso(instant)
const d = localDate
const t = timeOfDay

describe("TimeOfDay schema", () => {
  it("accepts 24-hour HH:MM", () => {
    for (const s of ["00:00", "09:30", "12:00", "17:00", "23:59"]) expect(Schema.decodeUnknownSync(TimeOfDay)(s)).toBe(s)
  })
  it.each(["24:00", "9:30", "12:60", "12:00:00", "noon", ""])("rejects %j", (s) => {
    expect(Either.isLeft(Schema.decodeUnknownEither(TimeOfDay)(s))).toBe(true)
  })
})

describe("atLondon", () => {
  it("NSO-3: noon on a summer Friday is 11:00 UTC (BST)", () => {
    expect(iso(atLondon(d("2027-06-04"), t("12:00")))).toBe("2027-06-04T11:00:00.000Z")
  })

  it("CPR-4: 17:00 on a winter Monday is 17:00 UTC (GMT)", () => {
    expect(iso(atLondon(d("2027-01-11"), t("17:00")))).toBe("2027-01-11T17:00:00.000Z")
  })

  it("spring change 2027-03-28: 00:59 is GMT, 02:00 is BST, and 01:30 (which does not exist) reads as 02:30 BST", () => {
    expect(iso(atLondon(d("2027-03-28"), t("00:59")))).toBe("2027-03-28T00:59:00.000Z")
    expect(iso(atLondon(d("2027-03-28"), t("01:00")))).toBe("2027-03-28T01:00:00.000Z")
    expect(iso(atLondon(d("2027-03-28"), t("01:30")))).toBe("2027-03-28T01:30:00.000Z")
    expect(londonTimeOf(atLondon(d("2027-03-28"), t("01:30")))).toBe("02:30")
    expect(iso(atLondon(d("2027-03-28"), t("02:00")))).toBe("2027-03-28T01:00:00.000Z")
    expect(iso(atLondon(d("2027-03-28"), t("12:00")))).toBe("2027-03-28T11:00:00.000Z")
  })

  it("autumn change 2027-10-31: 01:30 happens twice and reads as the earlier (BST) one", () => {
    expect(iso(atLondon(d("2027-10-31"), t("00:30")))).toBe("2027-10-30T23:30:00.000Z")
    expect(iso(atLondon(d("2027-10-31"), t("01:30")))).toBe("2027-10-31T00:30:00.000Z")
    expect(iso(atLondon(d("2027-10-31"), t("02:00")))).toBe("2027-10-31T02:00:00.000Z")
    expect(iso(atLondon(d("2027-10-31"), t("12:00")))).toBe("2027-10-31T12:00:00.000Z")
  })
})

describe("londonDateOf and londonTimeOf", () => {
  it("read the London date, not the UTC date, just after midnight BST", () => {
    const instant = DateTime.unsafeMake("2027-06-08T23:30:00Z")
    expect(londonDateOf(instant)).toBe("2027-06-09")
    expect(londonTimeOf(instant)).toBe("00:30")
  })

  it("read both 01:30s on the autumn change day", () => {
    expect(londonTimeOf(DateTime.unsafeMake("2027-10-31T00:30:00Z"))).toBe("01:30")
    expect(londonTimeOf(DateTime.unsafeMake("2027-10-31T01:30:00Z"))).toBe("01:30")
    expect(londonDateOf(DateTime.unsafeMake("2027-10-31T01:30:00Z"))).toBe("2027-10-31")
  })

  it("drop seconds", () => {
    expect(londonTimeOf(DateTime.unsafeMake("2027-01-11T17:00:59.999Z"))).toBe("17:00")
  })
})

describe("round trip London wall time <-> instant", () => {
  it("property: londonDateOf(atLondon(d, t)) is d, and londonTimeOf is t except in the spring gap (an hour later)", () => {
    fc.assert(
      fc.property(dateArb, timeArb, (date, time) => {
        const instant = atLondon(date, time)
        expect(londonDateOf(instant)).toBe(date)
        const back = londonTimeOf(instant)
        const inSpringGap = clockChangeDays.includes(date) && date.slice(5, 7) === "03" && time.startsWith("01:")
        expect(back).toBe(inSpringGap ? `02:${time.slice(3)}` : time)
      }),
      { numRuns: 2000 }
    )
  })

  it("every date 2018-2030 at 00:00, 01:30, 12:00 and 23:59 keeps its London date", () => {
    for (let date = first; date <= last; date = addDays(date, 1)) {
      for (const time of [t("00:00"), t("01:30"), t("12:00"), t("23:59")]) {
        expect(londonDateOf(atLondon(date, time))).toBe(date)
      }
    }
  })

  it("every minute of every clock-change day 2018-2030 round-trips (spring gap: an hour later)", () => {
    // One expectation at the end: 75,000 separate ones make the test slow on a busy machine.
    const wrong: string[] = []
    for (const date of clockChangeDays) {
      const spring = date.slice(5, 7) === "03"
      for (let minute = 0; minute < 1440; minute++) {
        const time = timeOfMinute(minute)
        const instant = atLondon(date, time)
        const expected = spring && minute >= 60 && minute < 120 ? timeOfMinute(minute + 60) : time
        if (londonDateOf(instant) !== date || londonTimeOf(instant) !== expected) wrong.push(`${date} ${time}`)
      }
    }
    expect(wrong).toEqual([])
  }, 30_000) // 37,000 conversions: seconds on a busy CI machine

  // Not on spring change days: 01:30 there reads as 02:30 BST, after 02:00 BST.
  it("property: away from the spring gap, a later wall time in a day is never an earlier instant", () => {
    fc.assert(
      fc.property(dateArb, timeArb, timeArb, (date, a, b) => {
        fc.pre(!(clockChangeDays.includes(date) && date.slice(5, 7) === "03"))
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(DateTime.lessThanOrEqualTo(atLondon(date, early), atLondon(date, late))).toBe(true)
      })
    )
  })
})
