import { describe, expect, it } from "vitest"
import type { ClockRule } from "../../src/calendar/ClockRule.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { formatInstant } from "../../src/calendar/format.js"
import { localDate } from "../../src/calendar/LocalDate.js"
import { atLondon, timeOfDay } from "../../src/calendar/londonTime.js"
import { resolveClock } from "../../src/calendar/resolveClock.js"

const at = (date: string, time: string) => atLondon(localDate(date), timeOfDay(time))
const resolve = (rule: ClockRule, anchor: ReturnType<typeof at>) => resolveClock(rule, { instant: anchor }, englandAndWales)

describe("a clock that falls on a closed day moves as its rule's ifClosed says", () => {
  it("nextWorkingDay: three calendar days after a Wednesday sitting is a Saturday, so the clock moves on to the Monday", () => {
    // Given a sitting on Wed 9 Jun 2027 and a clock 3 calendar days after it that moves on past closed days
    const r = resolve({ _tag: "DaysAfter", days: 3, unit: "calendar", time: timeOfDay("17:00"), ifClosed: "nextWorkingDay" }, at("2027-06-09", "13:30"))
    // Then it is due on the Monday, and says why
    expect(formatInstant(r.due)).toBe("17:00 Mon 14 Jun 2027")
    expect(r.adjusted).toBe("moved to Mon 14 Jun 2027 because Sat 12 Jun 2027 is a Saturday")
  })

  it("NSO-3, papers by midday Monday, with the authority's nextWorkingDayBefore: on Easter Monday they go on the Tuesday, still before the Wednesday sitting", () => {
    // Given the papers for a sitting on Wed 8 Apr 2026 due at noon on the Monday before (NSO-3), the authority moving
    // them on to the next working day while that is still before the sitting
    const r = resolve({ _tag: "WeekdayBefore", weekday: "monday", time: timeOfDay("12:00"), ifClosed: "nextWorkingDayBefore" }, at("2026-04-08", "13:30"))
    // Then they are due on Tuesday 7 April
    expect(formatInstant(r.due)).toBe("12:00 Tue 7 Apr 2026")
    expect(r.adjusted).toBe("moved to Tue 7 Apr 2026 because Mon 6 Apr 2026 is Easter Monday")
  })

  it("nextWorkingDayBefore: when the next working day is the sitting's own, the clock goes back to the working day before", () => {
    // Given a sitting on Wed 29 Dec 2027 and a clock on the Tuesday before, Tue 28 Dec being Boxing Day's substitute
    const r = resolve({ _tag: "WeekdayBefore", weekday: "tuesday", time: timeOfDay("12:00"), ifClosed: "nextWorkingDayBefore" }, at("2027-12-29", "13:30"))
    // Then it goes back past the Christmas closures to Friday 24 December
    expect(formatInstant(r.due)).toBe("12:00 Fri 24 Dec 2027")
    expect(r.adjusted).toBe("moved to Fri 24 Dec 2027 because Tue 28 Dec 2027 is Boxing Day (substitute day)")
  })
})
