import { describe, expect, it } from "@effect/vitest"
import { annualActivityReview } from "../../src/reports/annualActivityReview.js"
import { toCsv } from "../../src/reports/csv.js"
import { juneInputs } from "./fixtures.js"

describe("annual activity review", () => {
  // Made in each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const review = () => annualActivityReview(2027, juneInputs())

  it("LIN-10: twelve months, June holding the year's activity, and a total row", () => {
    expect(review().period).toEqual({ from: "2027-01-01", to: "2027-12-31" })
    expect(review().months.map((row) => row.month)).toEqual([
      "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12"
    ])
    expect(review().months[5]).toEqual({
      month: "2027-06",
      sittingsHeld: 3,
      sittingsCancelled: 0,
      requestsSubmitted: 6,
      children: 5,
      decisions: 8,
      approved: 5,
      declined: 1,
      deferred: 2,
      outsidePanel: 0,
      deferralRate: 0.25,
      repeatDeferrals: 1,
      medianCalendarDaysToFirstDecision: 8,
      medianWorkingDaysToFirstDecision: 6,
      actionsDue: 5,
      actionsMissed: 4,
      disagreementsRecorded: 1,
      disagreementsResolved: 1,
      regulation24Placements: 1
    })
    expect(review().months[6]).toMatchObject({ month: "2027-07", decisions: 0, deferralRate: undefined, actionsDue: 5, actionsMissed: 0 })
  })

  it("LIN-10: the total row adds up the months, and its median is the year's, not a median of medians", () => {
    const sum = (key: "decisions" | "requestsSubmitted" | "actionsDue" | "actionsMissed") => review().months.reduce((total, row) => total + row[key], 0)
    expect(review().total).toMatchObject({ month: "2027-01..2027-12", decisions: sum("decisions"), requestsSubmitted: sum("requestsSubmitted"), actionsDue: sum("actionsDue"), actionsMissed: sum("actionsMissed") })
    expect(review().total.medianCalendarDaysToFirstDecision).toBe(review().timeToFirstDecision.calendarDays.median)
  })

  it("LIN-10: a council's April to March year starts in April and ends in March", () => {
    const financial = annualActivityReview(2027, juneInputs(), { firstMonth: 4 })
    expect(financial.period).toEqual({ from: "2027-04-01", to: "2028-03-31" })
    expect(financial.months[0]?.month).toBe("2027-04")
    expect(financial.months[11]?.month).toBe("2028-03")
    expect(financial.months[2]?.decisions).toBe(8)
  })

  it("LIN-10: the months export as CSV, a header and twelve lines", () => {
    const lines = toCsv([...review().months, review().total]).split("\r\n").filter((line) => line !== "")
    expect(lines).toHaveLength(14)
    expect(lines[0]?.startsWith("month,sittingsHeld,sittingsCancelled,requestsSubmitted")).toBe(true)
  })
})
