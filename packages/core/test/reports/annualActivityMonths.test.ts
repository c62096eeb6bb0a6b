import { describe, expect, it } from "@effect/vitest"
import type { Decision } from "../../src/decision/Decision.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import { annualActivityReview } from "../../src/reports/annualActivityReview.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { london } from "../fixtures.js"
import { juneInputs } from "./fixtures.js"

const decisionWith = (inputs: ReportInputs, id: string, change: Record<string, unknown>): ReportInputs => ({
  ...inputs,
  decisions: inputs.decisions.map((decision) => (decision.id === id ? ({ ...decision, ...change } as unknown as Decision) : decision))
})

const quietMonth = (month: string) => ({
  month,
  sittingsHeld: 0,
  sittingsCancelled: 0,
  requestsSubmitted: 0,
  children: 0,
  decisions: 0,
  approved: 0,
  declined: 0,
  deferred: 0,
  outsidePanel: 0,
  deferralRate: undefined,
  repeatDeferrals: 0,
  medianCalendarDaysToFirstDecision: undefined,
  medianWorkingDaysToFirstDecision: undefined,
  actionsDue: 0,
  actionsMissed: 0,
  disagreementsRecorded: 0,
  disagreementsResolved: 0,
  regulation24Placements: 0
})

describe("annual activity review: what falls in which month and year", () => {
  it("LIN-10: May, before any of the June records, is a quiet month", () => {
    expect(annualActivityReview(2027, juneInputs()).months[4]).toEqual(quietMonth("2027-05"))
  })

  it("LIN-10: a year before the June records counts none of them", () => {
    const review = annualActivityReview(2026, juneInputs())
    expect(review.total).toEqual(quietMonth("2026-01..2026-12"))
    expect(review.requestsByType.every((row) => row.requests === 0)).toBe(true)
    expect(review.timeToFirstDecision.calendarDays.count).toBe(0)
    expect(review.timeToFirstDecision.workingDays.count).toBe(0)
    expect(review.clocksByRule.length === 0 || review.clocksByRule.every((row) => Object.values(row).every((value) => typeof value !== "number" || value === 0))).toBe(true)
    expect(review.disagreementsByOutcome.every((row) => row.disagreements === 0)).toBe(true)
  })

  it("LIN-10: the year's requests by type, time to first decision in working days, and disagreements by outcome", () => {
    const review = annualActivityReview(2027, juneInputs())
    expect(review.requestsByType.find((row) => row.requestType === "s20_accommodation")).toMatchObject({ requests: 2, approved: 2 })
    // Working days from submission to first decision: 6, 6, 5, 7, 5, 6.
    expect(review.timeToFirstDecision.workingDays).toMatchObject({ count: 6, median: 6, min: 5, max: 7 })
    expect(review.disagreementsByOutcome.find((row) => row.outcome === "upheld")?.disagreements).toBe(1)
  })

  it("LIN-10: a cancelled sitting is counted apart from those held", () => {
    const inputs = juneInputs()
    const sittings = inputs.sittings.map((sitting) => (sitting.id === "sit_16jun" ? ({ ...sitting, cancelled: { reason: "Not quorate", by: sitting.attendance[0] } } as unknown as Sitting) : sitting))
    expect(annualActivityReview(2027, { ...inputs, sittings }).months[5]).toMatchObject({ sittingsHeld: 2, sittingsCancelled: 1 })
  })

  it("LIN-10: a decision agreed outside panel is counted as such", () => {
    const review = annualActivityReview(2027, decisionWith(juneInputs(), "dec_8", { madeAt: "outside_panel" }))
    expect(review.months[5]).toMatchObject({ decisions: 8, outsidePanel: 1 })
    expect(review.total.outsidePanel).toBe(1)
  })

  it("LIN-10: a request's second deferral is drift in the month it happened, not its first", () => {
    const review = annualActivityReview(2027, decisionWith(juneInputs(), "dec_2", { heardAt: london("2027-05-26", "13:00") }))
    expect(review.months[4]).toMatchObject({ month: "2027-05", decisions: 1, deferred: 1, repeatDeferrals: 0 })
    expect(review.months[5]).toMatchObject({ month: "2027-06", deferred: 1, repeatDeferrals: 1 })
  })

  it("LIN-10: an open disagreement is recorded but not resolved; a placement not yet made is not counted", () => {
    const inputs = juneInputs()
    const [dissent] = inputs.disagreements
    const open = { ...dissent!, id: "dis_2", outcome: undefined, status: "recorded" } as unknown as Disagreement
    const notMade = inputs.placements.map((placement) => ({ ...placement, id: "plc_2", placement: undefined }) as unknown as Placement)
    const review = annualActivityReview(2027, { ...inputs, disagreements: [dissent!, open], placements: [...inputs.placements, ...notMade] })
    expect(review.months[5]).toMatchObject({ disagreementsRecorded: 2, disagreementsResolved: 1, regulation24Placements: 1 })
  })
})
