import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { withClosureDays } from "../../src/calendar/closureDays.js"
import { EnglandAndWalesCalendar, englandAndWales, layer, makeCalendar } from "../../src/calendar/englandAndWales.js"
import { addDays, daysBetween, localDate } from "../../src/calendar/LocalDate.js"
import { WorkingCalendar, workingDaysBetween } from "../../src/calendar/WorkingCalendar.js"
import { calendarArb, dateArb } from "./arbitraries.js"

const d = localDate
const cal = englandAndWales
const shutdown = makeCalendar({ closureDays: [{ date: d("2027-12-29"), reason: "Christmas shutdown" }] })

describe("England and Wales working days", () => {
  it("weekdays work, weekends and bank holidays do not, and each has its reason", () => {
    expect(cal.isWorkingDay(d("2027-06-09"))).toBe(true)
    expect(cal.closureReason(d("2027-06-09"))).toBeUndefined()
    expect(cal.isWorkingDay(d("2027-06-12"))).toBe(false)
    expect(cal.closureReason(d("2027-06-12"))).toBe("Saturday")
    expect(cal.closureReason(d("2027-06-13"))).toBe("Sunday")
    expect(cal.isWorkingDay(d("2026-04-03"))).toBe(false)
    expect(cal.closureReason(d("2026-04-03"))).toBe("Good Friday")
    expect(cal.closureReason(d("2027-12-25"))).toBe("Christmas Day")
  })

  it("steps over a bank holiday weekend to the next and previous working day", () => {
    expect(cal.nextWorkingDay(d("2026-04-02"))).toBe("2026-04-07")
    expect(cal.previousWorkingDay(d("2026-04-07"))).toBe("2026-04-02")
    expect(cal.nextWorkingDay(d("2027-06-09"))).toBe("2027-06-10")
  })

  it("SUP-4: 5 working days before a sitting after the spring bank holiday", () => {
    expect(cal.addWorkingDays(d("2027-06-02"), -5)).toBe("2027-05-25")
  })

  it("LIN-9: 5 working days after a sitting on 23 Dec 2026 skip Christmas and New Year", () => {
    expect(cal.addWorkingDays(d("2026-12-23"), 5)).toBe("2027-01-04")
    expect(cal.addWorkingDays(d("2026-12-23"), 0)).toBe("2026-12-23")
  })

  it("counts working days the way addWorkingDays steps", () => {
    expect(workingDaysBetween(cal, d("2026-12-23"), d("2027-01-04"))).toBe(5)
    expect(workingDaysBetween(cal, d("2027-01-04"), d("2026-12-23"))).toBe(-5)
    expect(workingDaysBetween(cal, d("2027-06-09"), d("2027-06-09"))).toBe(0)
  })
})

describe("authority closure days", () => {
  it("a council's Christmas shutdown day is not a working day, with its reason", () => {
    expect(shutdown.isWorkingDay(d("2027-12-29"))).toBe(false)
    expect(shutdown.closureReason(d("2027-12-29"))).toBe("authority closure: Christmas shutdown")
    expect(shutdown.nextWorkingDay(d("2027-12-24"))).toBe("2027-12-30")
    expect(englandAndWales.isWorkingDay(d("2027-12-29"))).toBe(true)
  })

  it("a bank holiday keeps its own name when it is also a closure day", () => {
    const both = makeCalendar({ closureDays: [{ date: d("2026-04-03"), reason: "Easter" }] })
    expect(both.closureReason(d("2026-04-03"))).toBe("Good Friday")
  })

  it("withClosureDays of nothing is the calendar itself", () => {
    expect(withClosureDays(englandAndWales, [])).toBe(englandAndWales)
  })

  it("withClosureDays gives one policy's closure days the same calendar each time (what is remembered about it is kept), another's its own", () => {
    const christmas = [{ date: d("2027-12-29"), reason: "Christmas shutdown" }]
    const summer = [{ date: d("2027-08-02"), reason: "Summer closure" }]
    expect(withClosureDays(englandAndWales, christmas)).toBe(withClosureDays(englandAndWales, christmas))
    expect(withClosureDays(englandAndWales, summer).isWorkingDay(d("2027-12-29"))).toBe(true)
    expect(withClosureDays(englandAndWales, summer).isWorkingDay(d("2027-08-02"))).toBe(false)
    expect(withClosureDays(englandAndWales, christmas).isWorkingDay(d("2027-08-02"))).toBe(true)
  })

  it("the layers provide the WorkingCalendar port", () => {
    const check = Effect.map(WorkingCalendar, (c) => [c.isWorkingDay(d("2026-04-03")), c.isWorkingDay(d("2027-12-29"))])
    expect(Effect.runSync(Effect.provide(check, EnglandAndWalesCalendar))).toEqual([false, true])
    const closures = layer([{ date: d("2027-12-29"), reason: "Christmas shutdown" }])
    expect(Effect.runSync(Effect.provide(check, closures))).toEqual([false, false])
  })
})

describe("working-day properties", () => {
  const n = fc.integer({ min: -30, max: 30 })

  it("property: addWorkingDays never lands on a non-working day (n != 0)", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, n, (calendar, date, k) => {
        fc.pre(k !== 0)
        expect(calendar.isWorkingDay(calendar.addWorkingDays(date, k))).toBe(true)
      })
    )
  })

  it("property: forward n then back n returns to d if d is a working day, else to the working day before d", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 30 }), (calendar, date, k) => {
        const back = calendar.addWorkingDays(calendar.addWorkingDays(date, k), -k)
        expect(back).toBe(calendar.isWorkingDay(date) ? date : calendar.previousWorkingDay(date))
      })
    )
  })

  it("property: workingDaysBetween(d, addWorkingDays(d, n)) is n", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, n, (calendar, date, k) => {
        expect(workingDaysBetween(calendar, date, calendar.addWorkingDays(date, k))).toBe(k)
      })
    )
  })

  it("property: working-day counts add up over consecutive ranges and match a day-by-day count", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.nat(60), fc.nat(60), (calendar, a, x, y) => {
        const b = addDays(a, x)
        const c = addDays(b, y)
        const ab = workingDaysBetween(calendar, a, b)
        expect(ab + workingDaysBetween(calendar, b, c)).toBe(workingDaysBetween(calendar, a, c))
        let manual = 0
        for (let i = 1; i <= daysBetween(a, b); i++) if (calendar.isWorkingDay(addDays(a, i))) manual++
        expect(ab).toBe(manual)
        expect(ab).toBeLessThanOrEqual(x)
      })
    )
  })

  it("property: next and previous working day are strictly after / before, with only closed days between", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, date) => {
        const next = calendar.nextWorkingDay(date)
        const previous = calendar.previousWorkingDay(date)
        expect(next > date && previous < date).toBe(true)
        expect(workingDaysBetween(calendar, date, next)).toBe(1)
        expect(workingDaysBetween(calendar, date, previous)).toBe(-1)
        expect(calendar.closureReason(next)).toBeUndefined()
        for (let day = addDays(previous, 1); day < next; day = addDays(day, 1)) {
          if (day !== date) expect(calendar.closureReason(day)).toBeDefined()
        }
      })
    )
  })

  it("property: a day is a working day exactly when it has no closure reason", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, date) => {
        expect(calendar.isWorkingDay(date)).toBe(calendar.closureReason(date) === undefined)
      })
    )
  })
})
