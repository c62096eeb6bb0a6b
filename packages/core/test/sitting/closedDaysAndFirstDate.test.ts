import { describe, expect, it } from "@effect/vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { PanelPolicy } from "../../src/policy/PanelPolicy.js"
import { sittingDates } from "../../src/sitting/schedule.js"

const northSomerset = preset("north-somerset").panels[0]!
const knowsley = preset("knowsley").panels[0]!
const withSchedule = (panel: PanelPolicy, schedule: Record<string, unknown>) =>
  ({ ...panel, schedule: { ...panel.schedule, ...schedule } }) as PanelPolicy

describe("a panel's cadence on closed days and before its first sitting (NSO-1, KNO-1)", () => {
  it("NSO-1: given its weekly panel set to skip a closed day (an authority's choice), when Christmas Day 2030 falls on its Wednesday, then it does not sit that week at all", () => {
    const dates = sittingDates(withSchedule(northSomerset, { ifClosed: "skip" }), 2030, englandAndWales)
    expect(dates.filter((date) => date >= ("2030-12-20" as LocalDate))).toEqual([])
    expect(dates).toHaveLength(51)
  })

  it("KNO-1: given a fortnightly panel that first sits on 7 Jan 2027, when the year before is scheduled, then it has no sittings", () => {
    expect(sittingDates(knowsley, 2026, englandAndWales)).toEqual([])
  })

  it("NSO-1: given a weekly panel that first sits on 8 Sep 2027, when 2027 is scheduled, then its first sitting is 8 Sep", () => {
    const dates = sittingDates(withSchedule(northSomerset, { firstDate: "2027-09-08" }), 2027, englandAndWales)
    expect(dates.slice(0, 2)).toEqual(["2027-09-08", "2027-09-15"])
  })

  it("NSO-1, KNO-1: given sittings on the year's first and last days, when the year is scheduled, then both are in it and the days either side are not", () => {
    const fixed = withSchedule(knowsley, { _tag: "FixedDates", dates: ["2026-12-31", "2027-01-01", "2027-12-31", "2028-01-01"] })
    expect(sittingDates(fixed, 2027, englandAndWales)).toEqual(["2027-01-01", "2027-12-31"])
    // 2031 begins and ends on a Wednesday: New Year's Day moves to Thursday 2 January, 31 December stays.
    const in2031 = sittingDates(northSomerset, 2031, englandAndWales)
    expect([in2031[0], in2031.at(-1)]).toEqual(["2031-01-02", "2031-12-31"])
  })
})
