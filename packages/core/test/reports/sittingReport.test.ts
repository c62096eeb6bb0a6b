import { describe, expect, it } from "@effect/vitest"
import { toCsv } from "../../src/reports/csv.js"
import { sittingReport } from "../../src/reports/sittingReport.js"
import { juneInputs } from "./fixtures.js"

describe("sitting report", () => {
  // Made in each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const report = () => sittingReport("sit_9jun", juneInputs())!

  it("CPR-8: counts the sitting's outcomes, attendance and the time from request to this decision", () => {
    expect(report().summary).toMatchObject({
      sittingId: "sit_9jun",
      date: "2027-06-09",
      items: 4,
      children: 4,
      present: 1,
      apologies: 1,
      approved: 2,
      declined: 1,
      deferred: 1,
      undecided: 0,
      // 8, 8, 7, 7 calendar days (6, 6, 5, 5 working days) from submission to the sitting.
      medianCalendarDaysFromRequest: 7.5,
      medianWorkingDaysFromRequest: 5.5,
      disagreements: 1
    })
  })

  it("gives each agenda slot its request, outcome, deferrals so far and days from request", () => {
    expect(report().items.map((item) => [item.slot, item.referralId, item.outcome, item.deferralsToDate, item.calendarDaysFromRequest, item.workingDaysFromRequest])).toEqual([
      ["10:00-10:30", "ref_1", "approve", 0, 8, 6],
      ["10:30-11:00", "ref_2", "defer", 1, 8, 6],
      ["11:00-11:30", "ref_3", "approve", 0, 7, 5],
      ["11:30-12:00", "ref_5", "decline", 0, 7, 5]
    ])
  })

  it("LIN-5: lists the actions it set with owner, due date, progress and clock: one met late, one met in time", () => {
    expect(report().actions.map((action) => [action.actionId, action.ownerRole, action.dueDate, action.progress, action.clockState, action.metLate])).toEqual([
      ["act_1a", "social_worker", "2027-06-30", "Completed", "met", true],
      ["act_1b", "team_manager", "2027-07-20", "Open", "pending", false],
      ["act_5a", "social_worker", "2027-06-30", "Completed", "met", false],
      ["act_5b", "team_manager", "2027-07-20", "Open", "pending", false]
    ])
    expect(report().summary.actionsMissed).toBe(1)
  })

  it("LIN-13: shows the disagreement raised at the sitting, its outcome and that its clock was met late", () => {
    expect(report().disagreements).toEqual([
      expect.objectContaining({ disagreementId: "dis_1", decisionId: "dec_1", ruleId: "LIN-13", outcome: "upheld", outcomeOn: "2027-06-21", clockState: "met", clockMetLate: true })
    ])
  })

  it("a repeat deferral shows on the sitting that deferred the request the second time", () => {
    const second = sittingReport("sit_16jun", juneInputs())!
    expect(second.items.find((item) => item.referralId === "ref_2")).toMatchObject({ outcome: "defer", deferralsToDate: 2, repeatDeferral: true })
    expect(second.summary.repeatDeferrals).toBe(1)
  })

  it("exports its slots as CSV, one line per slot after the header; no sitting, no report", () => {
    expect(toCsv(report().items).split("\r\n").filter((line) => line !== "")).toHaveLength(5)
    expect(sittingReport("sit_nope", juneInputs())).toBeUndefined()
  })
})
