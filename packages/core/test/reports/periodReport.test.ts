import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { toCsv } from "../../src/reports/csv.js"
import { periodReport } from "../../src/reports/periodReport.js"
import { juneInputs } from "./fixtures.js"

const june = { from: "2027-06-01" as LocalDate, to: "2027-06-30" as LocalDate }

describe("period report", () => {
  // Made in each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const report = () => periodReport(june, juneInputs())

  it("counts requests submitted and decisions made in the period, by outcome and deferral rate", () => {
    expect(report().summary).toEqual({
      requestsSubmitted: 6,
      childrenInRequests: 5,
      decisions: 8,
      approved: 5,
      declined: 1,
      deferred: 2,
      deferralRate: 0.25,
      requestsDeferred: 1,
      repeatDeferrals: 1,
      overdueActions: 4,
      disagreementsRecorded: 1,
      placementsLive: 1
    })
    expect(report().decisionsByOutcome).toEqual([
      { outcome: "approve", atPanel: 5, outsidePanel: 0, total: 5 },
      { outcome: "decline", atPanel: 1, outsidePanel: 0, total: 1 },
      { outcome: "defer", atPanel: 2, outsidePanel: 0, total: 2 }
    ])
  })

  it("requests by type and where they stand; a request of two types counts under each", () => {
    expect(report().requestsByType.map((row) => [row.requestType, row.requests, row.approved, row.declined])).toEqual([
      ["s20_accommodation", 2, 2, 0],
      ["expenditure", 1, 1, 0],
      ["edge_of_care_resource", 3, 2, 1],
      ["legal_planning_meeting", 1, 1, 0]
    ])
  })

  it("time from submission to first decision and to the final outcome, in calendar and working days", () => {
    expect(report().timeToFirstDecision).toEqual({
      calendarDays: { count: 6, median: 8, p90: 8.5, mean: 7.83, min: 7, max: 9 },
      workingDays: { count: 6, median: 6, p90: 6.5, mean: 5.83, min: 5, max: 7 }
    })
    // ref_2 was deferred twice: 22 calendar days (16 working days) to its approval.
    expect(report().timeToOutcome.calendarDays).toMatchObject({ count: 6, max: 22 })
    expect(report().timeToOutcome.workingDays).toMatchObject({ max: 16 })
  })

  it("drift: the request deferred twice is listed with its deferrals", () => {
    expect(report().drift.map((row) => [row.referralId, row.deferrals, row.standing])).toEqual([["ref_2", 2, "approved"]])
  })

  it("drift is judged at the period's end: in the first ten days of June ref_2 had been deferred once", () => {
    const early = periodReport({ from: "2027-06-01" as LocalDate, to: "2027-06-10" as LocalDate }, juneInputs())
    expect(early.summary).toMatchObject({ requestsDeferred: 1, repeatDeferrals: 0, decisions: 4 })
    expect(early.drift).toEqual([])
  })

  it("LIN-5: actions due in the period that are overdue or were done late; every rule's clocks due in the period", () => {
    expect(report().overdueActions.map((row) => [row.aboutId, row.state, row.metLate])).toEqual([
      ["act_1a", "met", true],
      ["act_4a", "overdue", false],
      ["act_6a", "overdue", false],
      ["act_8a", "overdue", false]
    ])
    expect(report().clocksByRule).toEqual([
      // The disagreement's clocks are Carepanel's defaults: the outcome late, the areas noted in time at the sitting.
      { ruleId: "DEF-DISAGREEMENT-5WD", cited: "DEF-DISAGREEMENT-5WD, Carepanel default, not in the terms of reference; set by the authority's policy", clocks: 1, metOnTime: 0, metLate: 1, overdue: 0, open: 0 },
      { ruleId: "DEF-DISAGREEMENT-NOTE-NEXT-WD", cited: "DEF-DISAGREEMENT-NOTE-NEXT-WD, Carepanel default, not in the terms of reference; set by the authority's policy", clocks: 1, metOnTime: 1, metLate: 0, overdue: 0, open: 0 },
      // The Assistant Director never consented to looked-after status (LIN-14): that clock is overdue too.
      { ruleId: "DEF-R24-CONSENT-NEXT-WD", cited: "DEF-R24-CONSENT-NEXT-WD, Carepanel default, not in the terms of reference; set by the authority's policy", clocks: 1, metOnTime: 0, metLate: 0, overdue: 1, open: 0 },
      { ruleId: "LIN-16", cited: "LIN-16", clocks: 1, metOnTime: 0, metLate: 1, overdue: 0, open: 0 },
      { ruleId: "LIN-18", cited: "LIN-18", clocks: 1, metOnTime: 0, metLate: 0, overdue: 1, open: 0 },
      { ruleId: "LIN-3", cited: "LIN-3", clocks: 6, metOnTime: 6, metLate: 0, overdue: 0, open: 0 },
      { ruleId: "LIN-5", cited: "LIN-5", clocks: 5, metOnTime: 1, metLate: 1, overdue: 3, open: 0 },
      // Nobody visited the child (STAT-R28) or prepared the placement plan (STAT-R9) in time either.
      { ruleId: "STAT-R28", cited: "STAT-R28", clocks: 1, metOnTime: 0, metLate: 0, overdue: 1, open: 0 },
      { ruleId: "STAT-R9", cited: "STAT-R9", clocks: 1, metOnTime: 0, metLate: 0, overdue: 1, open: 0 }
    ])
  })

  it("LIN-16, LIN-18, STAT-R24: the Regulation 24 placement live in the period with its clocks", () => {
    expect(report().placements).toEqual([
      expect.objectContaining({
        placementId: "plc_1",
        childId: "child-7",
        placedOn: "2027-06-10",
        viabilityLate: true,
        authorisedOn: "2027-06-11",
        kinshipReferralOn: undefined,
        approvalEndsOn: "2027-09-30",
        lookedAfterConsentOn: undefined,
        clocksOverdue: 4,
        clocksMetLate: 1,
        nextClockRule: "DEF-R24-CONSENT-NEXT-WD"
      })
    ])
  })

  it("a period before anything happened is empty but whole", () => {
    const may = periodReport({ from: "2027-05-01" as LocalDate, to: "2027-05-31" as LocalDate }, juneInputs())
    expect(may.summary).toMatchObject({ requestsSubmitted: 0, decisions: 0, deferralRate: undefined })
    expect(may.timeToFirstDecision.calendarDays).toEqual({ count: 0, median: undefined, p90: undefined, mean: undefined, min: undefined, max: undefined })
  })

  it("its rows export as CSV without a child's name", () => {
    const csv = toCsv(report().requests)
    expect(csv.startsWith("referralId,panelId,requestTypes")).toBe(true)
    expect(csv).not.toContain("Test Child")
    expect(csv).toContain("edge_of_care_resource;expenditure")
  })
})
