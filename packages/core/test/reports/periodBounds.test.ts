import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Decision } from "../../src/decision/Decision.js"
import { toCsv } from "../../src/reports/csv.js"
import { edgeOfCareSummary } from "../../src/reports/edgeOfCareSummary.js"
import { Period } from "../../src/reports/Period.js"
import { periodReport } from "../../src/reports/periodReport.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import { juneInputs } from "./fixtures.js"

const period = (from: string, to: string) => ({ from: from as LocalDate, to: to as LocalDate })
const decisionWith = (inputs: ReportInputs, id: string, change: (decision: Decision) => Record<string, unknown>): ReportInputs => ({
  ...inputs,
  decisions: inputs.decisions.map((decision) => (decision.id === id ? ({ ...decision, ...change(decision) } as unknown as Decision) : decision))
})

describe("a reporting period's ends", () => {
  it.effect("a period of one day is a period; one ending before it starts is refused in words", () =>
    Effect.gen(function* () {
      expect(yield* Schema.decodeUnknown(Period)({ from: "2027-06-09", to: "2027-06-09" })).toEqual({ from: "2027-06-09", to: "2027-06-09" })
      const refused = yield* Effect.flip(Schema.decodeUnknown(Period)({ from: "2027-06-10", to: "2027-06-09" }))
      expect(refused.message).toContain("The period starts on 2027-06-10, after it ends on 2027-06-09.")
    })
  )

  it("KNO-3: a one-day period on the first of a month has that month's row", () => {
    expect(edgeOfCareSummary(period("2027-06-01", "2027-06-01"), juneInputs()).months.map((row) => row.month)).toEqual(["2027-06"])
  })

  it("a period ending on the day of a request's second deferral shows it drifting; ending the day before, not", () => {
    expect(periodReport(period("2027-06-01", "2027-06-16"), juneInputs()).summary).toMatchObject({ requestsDeferred: 1, repeatDeferrals: 1 })
    expect(periodReport(period("2027-06-01", "2027-06-15"), juneInputs()).summary).toMatchObject({ requestsDeferred: 1, repeatDeferrals: 0 })
  })

  it("a request deferred once and then approved is not drift, however often it was heard", () => {
    const inputs = decisionWith(juneInputs(), "dec_3", (decision) => ({ content: { ...decision.content, outcome: "approve" } }))
    const report = periodReport(period("2027-06-01", "2027-06-30"), inputs)
    expect(report.summary).toMatchObject({ requestsDeferred: 1, repeatDeferrals: 0 })
    expect(report.drift).toEqual([])
  })

  it("only outcomes, disagreements and placements of the period are counted", () => {
    // By 20 June four requests had their outcome; ref_2 and ref_4 landed on 23 June.
    const early = periodReport(period("2027-06-01", "2027-06-20"), juneInputs())
    expect(early.timeToOutcome.calendarDays.count).toBe(4)
    const late = periodReport(period("2027-06-10", "2027-06-30"), juneInputs())
    expect(late.summary.disagreementsRecorded).toBe(0)
    expect(late.disagreements).toEqual([])
    const may = periodReport(period("2027-05-01", "2027-05-31"), juneInputs())
    expect(may.summary).toMatchObject({ placementsLive: 0, disagreementsRecorded: 0 })
    expect(may.placements).toEqual([])
  })

  it("decisions by outcome tell those made at panel from those agreed outside it; each disagreement has its row", () => {
    const report = periodReport(period("2027-06-01", "2027-06-30"), decisionWith(juneInputs(), "dec_8", () => ({ madeAt: "outside_panel" })))
    expect(report.decisionsByOutcome[0]).toEqual({ outcome: "approve", atPanel: 4, outsidePanel: 1, total: 5 })
    expect(report.disagreements.map((row) => row.disagreementId)).toEqual(["dis_1"])
  })
})

describe("CSV cells a spreadsheet reads", () => {
  it("a number that is not finite and a null are written as empty cells", () => {
    expect(toCsv([{ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: null, d: 0, e: false }])).toBe("a,b,c,d,e\r\n,,,0,false\r\n")
  })
})
