import type { CsvRow, PeriodReport, SittingReport } from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { childrenIn, lastEightWeeks, periodTables, sittingTables, weekly } from "../src/data/reportTables.js"

describe("the period report's weeks, as its sparklines count them", () => {
  it("the eight weeks to today are 56 days, both ends included", () => {
    expect(lastEightWeeks("2027-06-01")).toEqual({ from: "2027-04-07", to: "2027-06-01" })
  })

  it("counts each date in the week from the period's first day it falls in, and none outside the period", () => {
    const period = lastEightWeeks("2027-06-01")
    const dates = ["2027-04-06", "2027-04-07", "2027-04-13", "2027-04-14", "2027-05-26", "2027-06-01", "2027-06-01", undefined, "2027-06-02"]
    expect(weekly(period, dates)).toEqual([2, 1, 0, 0, 0, 0, 0, 3])
  })

  it("a period that is not whole weeks ends with a short one", () => {
    expect(weekly({ from: "2027-06-01", to: "2027-06-10" }, ["2027-06-08", "2027-06-10"])).toEqual([0, 2])
    expect(weekly({ from: "2027-06-01", to: "2027-06-01" }, ["2027-06-01"])).toEqual([1])
  })
})

describe("the children an exported table names, for the access log", () => {
  it("each child once, from lists separated by commas or semicolons, blanks left out", () => {
    const rows: ReadonlyArray<CsvRow> = [
      { childIds: "wx-child-01, wx-child-02" },
      { childIds: "wx-child-02;wx-child-03" },
      { childIds: "wx-child-04; " },
      { childIds: " wx-child-05" },
      { childIds: "" },
      { requests: 3 }
    ]
    expect(childrenIn({ name: "requests", title: "Requests submitted", rows })).toEqual(["wx-child-01", "wx-child-02", "wx-child-03", "wx-child-04", "wx-child-05"])
  })
})

describe("the tables a report exports, by the name of their CSV file and the title the screen gives them", () => {
  it("the period report's eight, each with its own rows", () => {
    const report = Object.fromEntries(
      ["decisionsByOutcome", "requestsByType", "clocksByRule", "requests", "drift", "overdueActions", "disagreements", "placements"].map((key) => [key, [{ key }]])
    ) as unknown as PeriodReport
    expect(periodTables(report).map((table) => [table.name, table.title, table.rows[0]?.key])).toEqual([
      ["decisions-by-outcome", "Decisions by outcome", "decisionsByOutcome"],
      ["requests-by-type", "Requests by type", "requestsByType"],
      ["clocks-by-rule", "Clocks by rule", "clocksByRule"],
      ["requests", "Requests submitted", "requests"],
      ["drift", "Requests deferred twice or more", "drift"],
      ["overdue-actions", "Overdue actions", "overdueActions"],
      ["disagreements", "Disagreements", "disagreements"],
      ["placements", "Placements (Regulation 24)", "placements"]
    ])
  })

  it("the sitting report's four", () => {
    const report = Object.fromEntries(["items", "actions", "clocks", "disagreements"].map((key) => [key, [{ key }]])) as unknown as SittingReport
    expect(sittingTables(report).map((table) => [table.name, table.title, table.rows[0]?.key])).toEqual([
      ["items", "Agenda items and outcomes", "items"],
      ["actions", "Actions set", "actions"],
      ["clocks", "The sitting's clocks", "clocks"],
      ["disagreements", "Disagreements", "disagreements"]
    ])
  })
})
