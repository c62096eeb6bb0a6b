import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ClockRule, DaysAfter, MonthsAfter, WeekdayBefore } from "../../src/calendar/ClockRule.js"
import { timeOfDay } from "../../src/calendar/londonTime.js"

const decode = Schema.decodeUnknownSync(ClockRule)
const rejects = (input: unknown) => expect(Either.isLeft(Schema.decodeUnknownEither(ClockRule)(input))).toBe(true)

describe("ClockRule schema", () => {
  it("NSO-3: a before-rule defaults to the previous working day when its day is closed", () => {
    expect(decode({ _tag: "WeekdayBefore", weekday: "friday", time: "12:00" })).toEqual({
      _tag: "WeekdayBefore",
      weekday: "friday",
      time: "12:00",
      ifClosed: "previousWorkingDay"
    })
    expect(decode({ _tag: "DaysBefore", days: 5, unit: "working" })).toMatchObject({ ifClosed: "previousWorkingDay" })
  })

  it("LIN-9, LIN-6: after-rules default to the next working day", () => {
    expect(decode({ _tag: "DaysAfter", days: 5, unit: "working", time: "17:00" })).toMatchObject({
      ifClosed: "nextWorkingDay"
    })
    expect(decode({ _tag: "MonthsAfter", months: 1 })).toMatchObject({ ifClosed: "nextWorkingDay" })
  })

  it("a policy can override the default", () => {
    expect(decode({ _tag: "WeekdayBefore", weekday: "friday", time: "12:00", ifClosed: "keep" })).toMatchObject({
      ifClosed: "keep"
    })
  })

  it("constructors apply the same defaults", () => {
    expect(WeekdayBefore.make({ weekday: "friday", time: timeOfDay("12:00") }).ifClosed).toBe("previousWorkingDay")
    expect(DaysAfter.make({ days: 7, unit: "working" }).ifClosed).toBe("nextWorkingDay")
    expect(MonthsAfter.make({ months: 1 }).ifClosed).toBe("nextWorkingDay")
  })

  it("every kind round-trips through JSON", () => {
    const rules: ReadonlyArray<ClockRule> = [
      decode({ _tag: "WeekdayBefore", weekday: "monday", time: "17:00" }),
      decode({ _tag: "DaysBefore", days: 7, unit: "calendar", time: "17:00" }),
      decode({ _tag: "DaysAfter", days: 5, unit: "working", ifClosed: "keep" }),
      decode({ _tag: "HoursAfter", hours: 48 }),
      decode({ _tag: "WeeksAfter", weeks: 16 }),
      decode({ _tag: "MonthsAfter", months: 1 })
    ]
    for (const rule of rules) {
      expect(decode(JSON.parse(JSON.stringify(Schema.encodeSync(ClockRule)(rule))))).toEqual(rule)
    }
  })

  it.each([
    { _tag: "WeekdayBefore", weekday: "Friday", time: "12:00" },
    { _tag: "WeekdayBefore", weekday: "friday", time: "12" },
    { _tag: "WeekdayBefore", weekday: "friday" },
    { _tag: "DaysBefore", days: -1, unit: "calendar" },
    { _tag: "DaysBefore", days: 1.5, unit: "calendar" },
    { _tag: "DaysAfter", days: 5, unit: "business" },
    { _tag: "HoursAfter", hours: "48" },
    { _tag: "MonthsAfter", months: 1, ifClosed: "nearestWorkingDay" },
    { _tag: "YearsAfter", years: 1 }
  ])("rejects %j", (input) => rejects(input))
})
