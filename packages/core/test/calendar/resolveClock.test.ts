import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import type { ClockRule } from "../../src/calendar/ClockRule.js"
import { englandAndWales, makeCalendar } from "../../src/calendar/englandAndWales.js"
import { formatInstant } from "../../src/calendar/format.js"
import { localDate } from "../../src/calendar/LocalDate.js"
import { atLondon, type TimeOfDay, timeOfDay } from "../../src/calendar/londonTime.js"
import { resolveClock, withinHours } from "../../src/calendar/resolveClock.js"

const at = (date: string, time: string) => atLondon(localDate(date), timeOfDay(time))
const iso = (instant: DateTime.Utc) => DateTime.formatIso(instant)
const t = (s: string): TimeOfDay => timeOfDay(s)
const resolve = (rule: ClockRule, anchor: DateTime.Utc, calendar = englandAndWales) =>
  resolveClock(rule, { instant: anchor }, calendar)

const sittingWed9Jun2027 = at("2027-06-09", "13:30")
const sittingWed8Apr2026 = at("2026-04-08", "13:30") // after Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr

describe("WeekdayBefore", () => {
  it("NSO-3: noon on the Friday before a Wednesday sitting", () => {
    const r = resolve({ _tag: "WeekdayBefore", weekday: "friday", time: t("12:00"), ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("12:00 Fri 4 Jun 2027")
    expect(r.phrase).toBe("noon on the Friday before")
    expect(r).not.toHaveProperty("adjusted")
  })

  it("NSO-3: a Friday deadline on Good Friday moves to the Thursday", () => {
    const r = resolve({ _tag: "WeekdayBefore", weekday: "friday", time: t("12:00"), ifClosed: "previousWorkingDay" }, sittingWed8Apr2026)
    expect(formatInstant(r.due)).toBe("12:00 Thu 2 Apr 2026")
    expect(r.adjusted).toBe("moved to Thu 2 Apr 2026 because Fri 3 Apr 2026 is Good Friday")
  })

  it("NSO-3: with ifClosed keep the deadline stays on Good Friday", () => {
    const r = resolve({ _tag: "WeekdayBefore", weekday: "friday", time: t("12:00"), ifClosed: "keep" }, sittingWed8Apr2026)
    expect(iso(r.due)).toBe(iso(at("2026-04-03", "12:00")))
    expect(r.adjusted).toBeUndefined()
  })

  it("NSO-3: papers to members by midday Monday", () => {
    const r = resolve({ _tag: "WeekdayBefore", weekday: "monday", time: t("12:00"), ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("12:00 Mon 7 Jun 2027")
  })

  it("CPR-4: 17:00 on the Monday before; on Easter Monday it moves back over the Easter weekend", () => {
    const rule: ClockRule = { _tag: "WeekdayBefore", weekday: "monday", time: t("17:00"), ifClosed: "previousWorkingDay" }
    const r = resolve(rule, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("17:00 Mon 7 Jun 2027")
    expect(r.phrase).toBe("17:00 on the Monday before")
    const easter = resolve(rule, sittingWed8Apr2026)
    expect(formatInstant(easter.due)).toBe("17:00 Thu 2 Apr 2026")
    expect(easter.adjusted).toBe("moved to Thu 2 Apr 2026 because Mon 6 Apr 2026 is Easter Monday")
  })

  it("CPR-9: noon on the Tuesday before, counted from the sitting's London date (not its UTC date)", () => {
    const rule: ClockRule = { _tag: "WeekdayBefore", weekday: "tuesday", time: t("12:00"), ifClosed: "previousWorkingDay" }
    expect(formatInstant(resolve(rule, sittingWed9Jun2027).due)).toBe("12:00 Tue 8 Jun 2027")
    // 00:30 BST on Wednesday is still Tuesday in UTC
    expect(formatInstant(resolve(rule, at("2027-06-09", "00:30")).due)).toBe("12:00 Tue 8 Jun 2027")
  })

  it("LIN-3: the same weekday as the sitting means a week before", () => {
    const rule: ClockRule = { _tag: "WeekdayBefore", weekday: "wednesday", time: t("12:00"), ifClosed: "previousWorkingDay" }
    expect(formatInstant(resolve(rule, sittingWed9Jun2027).due)).toBe("12:00 Wed 2 Jun 2027")
  })

  it("NSO-3: an authority closure day moves the deadline, and the explanation says so", () => {
    const shutdown = makeCalendar({ closureDays: [{ date: localDate("2027-12-31"), reason: "Christmas shutdown" }] })
    const rule: ClockRule = { _tag: "WeekdayBefore", weekday: "friday", time: t("12:00"), ifClosed: "previousWorkingDay" }
    const r = resolve(rule, at("2028-01-05", "13:30"), shutdown)
    expect(formatInstant(r.due)).toBe("12:00 Thu 30 Dec 2027")
    expect(r.adjusted).toBe("moved to Thu 30 Dec 2027 because Fri 31 Dec 2027 is an authority closure day (Christmas shutdown)")
  })
})

describe("DaysBefore", () => {
  it("KNO-6: 7 days before the sitting, at 17:00", () => {
    const r = resolve({ _tag: "DaysBefore", days: 7, unit: "calendar", time: t("17:00"), ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("17:00 Wed 2 Jun 2027")
    expect(r.phrase).toBe("17:00, 7 days before")
  })

  it("KNO-6: without a time, 7 days before at the sitting's own wall time", () => {
    const r = resolve({ _tag: "DaysBefore", days: 7, unit: "calendar", ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("13:30 Wed 2 Jun 2027")
    expect(r.phrase).toBe("7 days before")
  })

  it("KNO-2: 3 days before a Wednesday is a Sunday, so attendance is confirmed by the Friday", () => {
    const r = resolve({ _tag: "DaysBefore", days: 3, unit: "calendar", time: t("17:00"), ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("17:00 Fri 4 Jun 2027")
    expect(r.adjusted).toBe("moved to Fri 4 Jun 2027 because Sun 6 Jun 2027 is a Sunday")
  })

  it("SUP-4: 5 working days before the sitting", () => {
    const r = resolve({ _tag: "DaysBefore", days: 5, unit: "working", time: t("17:00"), ifClosed: "previousWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("17:00 Wed 2 Jun 2027")
    expect(r.phrase).toBe("17:00, 5 working days before")
    expect(resolve({ _tag: "DaysBefore", days: 5, unit: "working", ifClosed: "previousWorkingDay" }, sittingWed9Jun2027).phrase).toBe(
      "5 working days before"
    )
  })

  it("SUP-4: 5 working days before a sitting on 2 Jun 2027 skip the spring bank holiday", () => {
    const r = resolve({ _tag: "DaysBefore", days: 5, unit: "working", time: t("17:00"), ifClosed: "previousWorkingDay" }, at("2027-06-02", "10:00"))
    expect(formatInstant(r.due)).toBe("17:00 Tue 25 May 2027")
    expect(r.adjusted).toBeUndefined()
  })
})

describe("DaysAfter", () => {
  it("LIN-9: FGC referral escalations 5 and 7 working days after the sitting", () => {
    const five = resolve({ _tag: "DaysAfter", days: 5, unit: "working", time: t("17:00"), ifClosed: "nextWorkingDay" }, sittingWed9Jun2027)
    const seven = resolve({ _tag: "DaysAfter", days: 7, unit: "working", time: t("17:00"), ifClosed: "nextWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(five.due)).toBe("17:00 Wed 16 Jun 2027")
    expect(formatInstant(seven.due)).toBe("17:00 Fri 18 Jun 2027")
    expect(five.phrase).toBe("17:00, 5 working days after")
  })

  it("LIN-9: 5 working days after a sitting on 23 Dec 2026 fall on Mon 4 Jan 2027", () => {
    const r = resolve({ _tag: "DaysAfter", days: 5, unit: "working", time: t("17:00"), ifClosed: "nextWorkingDay" }, at("2026-12-23", "13:30"))
    expect(formatInstant(r.due)).toBe("17:00 Mon 4 Jan 2027")
  })

  it("calendar days after that land on a weekend move to the next working day", () => {
    const r = resolve({ _tag: "DaysAfter", days: 10, unit: "calendar", ifClosed: "nextWorkingDay" }, sittingWed9Jun2027)
    expect(formatInstant(r.due)).toBe("13:30 Mon 21 Jun 2027")
    expect(r.phrase).toBe("10 days after")
    expect(r.adjusted).toBe("moved to Mon 21 Jun 2027 because Sat 19 Jun 2027 is a Saturday")
  })
})

describe("HoursAfter", () => {
  it("CPR-11: 48 hours after a sitting, on a weekend if it falls there (never moved)", () => {
    const r = resolve({ _tag: "HoursAfter", hours: 48 }, at("2027-06-11", "10:00"))
    expect(formatInstant(r.due)).toBe("10:00 Sun 13 Jun 2027")
    expect(r.phrase).toBe("48 hours after")
    expect(r.adjusted).toBeUndefined()
  })

  it("CPR-11: 48 hours after a sitting spans the October clock change as 48 elapsed hours", () => {
    const draftSent = at("2027-10-29", "16:00") // BST
    const r = resolve({ _tag: "HoursAfter", hours: 48 }, draftSent)
    expect(DateTime.distance(draftSent, r.due)).toBe(48 * 3_600_000)
    expect(formatInstant(r.due)).toBe("15:00 Sun 31 Oct 2027") // GMT: the wall clock went back an hour
    expect(r.adjusted).toBe("elapsed hours; the clocks went back on 31 Oct")
  })

  it("LIN-16: 24 hours after a placement spans the March clock change as 24 elapsed hours", () => {
    const placed = at("2027-03-27", "22:00") // GMT
    const r = resolve({ _tag: "HoursAfter", hours: 24 }, placed)
    expect(iso(r.due)).toBe("2027-03-28T22:00:00.000Z")
    expect(formatInstant(r.due)).toBe("23:00 Sun 28 Mar 2027")
    expect(r.phrase).toBe("24 hours after")
    expect(r.adjusted).toBe("elapsed hours; the clocks went forward on 28 Mar")
  })

  it("STAT-S46: 72 hours after police protection at 22:00 Thu 25 Mar 2027 is 23:00 Sun 28 Mar, saying why the wall clock differs", () => {
    const r = resolve({ _tag: "HoursAfter", hours: 72 }, at("2027-03-25", "22:00"))
    expect(formatInstant(r.due)).toBe("23:00 Sun 28 Mar 2027")
    expect(r.adjusted).toBe("elapsed hours; the clocks went forward on 28 Mar")
  })

  it("an elapsed-hours clock over both changes names both", () => {
    const r = resolve({ _tag: "HoursAfter", hours: 24 * 230 }, at("2027-03-20", "09:00"))
    expect(r.adjusted).toBe("elapsed hours; the clocks went forward on 28 Mar and back on 31 Oct")
  })

  it("LIN-18: 48 hours after the placement", () => {
    const r = resolve({ _tag: "HoursAfter", hours: 48 }, at("2027-06-09", "18:45"))
    expect(formatInstant(r.due)).toBe("18:45 Fri 11 Jun 2027")
  })
})

describe("WeeksAfter and MonthsAfter", () => {
  it("STAT-R24: 16 weeks after a winter placement is the same London wall time in summer", () => {
    const r = resolve({ _tag: "WeeksAfter", weeks: 16 }, at("2027-01-15", "14:00"))
    expect(formatInstant(r.due)).toBe("14:00 Fri 7 May 2027")
    expect(iso(r.due)).toBe("2027-05-07T13:00:00.000Z")
    expect(r.phrase).toBe("16 weeks after")
  })

  it("STAT-R24: 16 weeks is not stretched over a bank holiday", () => {
    const r = resolve({ _tag: "WeeksAfter", weeks: 16 }, at("2027-01-11", "09:15"))
    expect(formatInstant(r.due)).toBe("09:15 Mon 3 May 2027")
    expect(r.adjusted).toBeUndefined()
  })

  it("STAT-R24: keeps seconds of the anchor", () => {
    const r = resolve({ _tag: "WeeksAfter", weeks: 16 }, DateTime.unsafeMake("2027-01-15T14:00:07.250Z"))
    expect(iso(r.due)).toBe("2027-05-07T13:00:07.250Z")
  })

  it("NSO-9: pre-proceedings review window 8 to 10 weeks after", () => {
    expect(formatInstant(resolve({ _tag: "WeeksAfter", weeks: 8 }, sittingWed9Jun2027).due)).toBe("13:30 Wed 4 Aug 2027")
    expect(formatInstant(resolve({ _tag: "WeeksAfter", weeks: 10 }, sittingWed9Jun2027).due)).toBe("13:30 Wed 18 Aug 2027")
    expect(resolve({ _tag: "WeeksAfter", weeks: 1 }, sittingWed9Jun2027).phrase).toBe("1 week after")
  })

  it("LIN-6: 1 month after a sitting on 31 Mar is 30 Apr", () => {
    const r = resolve({ _tag: "MonthsAfter", months: 1, ifClosed: "nextWorkingDay" }, at("2027-03-31", "13:30"))
    expect(formatInstant(r.due)).toBe("13:30 Fri 30 Apr 2027")
    expect(r.phrase).toBe("1 month after")
  })

  it("LIN-6: 1 month after lands on a Saturday before the summer bank holiday and moves to the Tuesday", () => {
    const r = resolve({ _tag: "MonthsAfter", months: 1, ifClosed: "nextWorkingDay" }, at("2027-07-28", "13:30"))
    expect(formatInstant(r.due)).toBe("13:30 Tue 31 Aug 2027")
    expect(r.adjusted).toBe("moved to Tue 31 Aug 2027 because Sat 28 Aug 2027 is a Saturday")
    expect(resolve({ _tag: "MonthsAfter", months: 2, ifClosed: "keep" }, at("2027-07-28", "13:30")).phrase).toBe(
      "2 months after"
    )
  })
})

describe("withinHours", () => {
  const placed = at("2027-03-27", "22:00")

  it("LIN-16: a viability assessment 23 hours after the placement is within 24 hours; 25 hours is not", () => {
    expect(withinHours(placed, DateTime.add(placed, { hours: 23 }), 24)).toBe(true)
    expect(withinHours(placed, DateTime.add(placed, { hours: 24 }), 24)).toBe(true)
    expect(withinHours(placed, DateTime.add(placed, { hours: 25 }), 24)).toBe(false)
  })

  it("LIN-16: written before the placement counts as within", () => {
    expect(withinHours(placed, DateTime.subtract(placed, { hours: 3 }), 24)).toBe(true)
  })

  it("LIN-16: counts elapsed time across the March clock change, not wall-clock difference", () => {
    // 22:00 GMT Sat to 22:30 BST Sun is 24.5 h on the wall clock but 23.5 h elapsed
    expect(withinHours(placed, at("2027-03-28", "22:30"), 24)).toBe(true)
  })
})
