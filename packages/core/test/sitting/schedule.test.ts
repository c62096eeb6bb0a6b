import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { weekdayOf } from "../../src/calendar/LocalDate.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import type { PanelPolicy } from "../../src/policy/PanelPolicy.js"
import { sittingDates } from "../../src/sitting/schedule.js"

const panelOf = (slug: Parameters<typeof preset>[0]) => preset(slug).panels[0]!

describe("a year of sittings", () => {
  it("NSO-1: weekly on Wednesdays: 52 sittings in 2027, a bank-holiday Wednesday moved to the next working day", () => {
    const dates = sittingDates(panelOf("north-somerset"), 2027, englandAndWales)
    expect(dates).toHaveLength(52)
    // Christmas Day 2030 is a Wednesday and Boxing Day a Thursday: the sitting moves to Friday.
    const in2030 = sittingDates(panelOf("north-somerset"), 2030, englandAndWales)
    expect(in2030).toContain("2030-12-27" as never)
    expect(in2030).not.toContain("2030-12-25" as never)
  })

  it("KNO-1: fortnightly from the first date of the year", () => {
    const dates = sittingDates(panelOf("knowsley"), 2027, englandAndWales)
    expect(dates.slice(0, 3)).toEqual(["2027-01-07", "2027-01-21", "2027-02-04"])
    expect(dates).toHaveLength(26)
  })

  it("KNO-1: fixed dates for the year are used as given", () => {
    const panel = { ...panelOf("knowsley"), schedule: { _tag: "FixedDates", dates: ["2027-02-02", "2028-01-04"] } } as unknown as PanelPolicy
    expect(sittingDates(panel, 2027, englandAndWales)).toEqual(["2027-02-02"])
  })

  test.prop([fc.constantFrom(...presetSlugs), fc.integer({ min: 2018, max: 2030 })])(
    "every generated sitting is on a working day, in the year, and in order",
    (slug, year) => {
      const panel = panelOf(slug)
      const cadence =
        panel.schedule._tag === "Cadence"
          ? ({ ...panel, schedule: { ...panel.schedule, firstDate: firstOnWeekday(panel.schedule.weekday) } } as PanelPolicy)
          : panel
      const dates = sittingDates(cadence, year, englandAndWales)
      for (const date of dates) {
        expect(englandAndWales.isWorkingDay(date)).toBe(true)
        expect(date.startsWith(String(year))).toBe(true)
      }
      expect([...dates].sort()).toEqual(dates)
    }
  )
})

const firstOnWeekday = (weekday: string) => {
  for (let day = 1; day <= 7; day++) {
    const date = `2018-01-0${day}` as Parameters<typeof weekdayOf>[0]
    if (weekdayOf(date) === weekday) return date
  }
  throw new Error(weekday)
}
