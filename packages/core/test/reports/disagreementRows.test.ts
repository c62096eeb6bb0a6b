import { describe, expect, it } from "@effect/vitest"
import { disagreementOutcomeRows, disagreementRow } from "../../src/reports/disagreementRows.js"
import { juneInputs } from "./fixtures.js"
import { freshDissent, juneWith, withdrawnDissent } from "./rowFixtures.js"

describe("a disagreement's row, as an auditor reads it", () => {
  it("dis_1 (LIN-13): a dissent from the decision, noted, escalated once, upheld on 21 Jun, its outcome clock met late", () => {
    const june = juneInputs()
    const row = disagreementRow(june.disagreements[0]!, june.deadlines)
    expect(row).toEqual({
      disagreementId: "dis_1",
      decisionId: "dec_1",
      referralId: "ref_1",
      sittingId: "sit_9jun",
      ruleId: "LIN-13",
      route: "chair_with_assistant_director",
      status: "outcome_recorded",
      dissentsFrom: "decision",
      recordedOn: "2027-06-09",
      notedOn: "2027-06-09",
      escalations: 1,
      outcome: "upheld",
      outcomeOn: "2027-06-21",
      withdrawnOn: undefined,
      clockState: "met",
      clockMetLate: true
    })
  })

  it("a dissent from a recommended action, never noted: no noted day, no outcome, and its own overdue clock for noting the areas", () => {
    const june = juneWith((inputs) => ({ disagreements: [...inputs.disagreements, freshDissent(inputs.disagreements[0]!)] }))
    const row = disagreementRow(june.disagreements[1]!, june.deadlines)
    expect(row).toMatchObject({
      disagreementId: "dis_2",
      status: "dissent_recorded",
      dissentsFrom: "recommended_action",
      notedOn: undefined,
      escalations: 0,
      outcome: undefined,
      outcomeOn: undefined,
      withdrawnOn: undefined,
      clockState: "overdue",
      clockMetLate: false
    })
  })

  it("a withdrawn dissent shows the day it was withdrawn and no outcome", () => {
    const june = juneWith((inputs) => ({ disagreements: [withdrawnDissent(inputs.disagreements[0]!)] }))
    const row = disagreementRow(june.disagreements[0]!, june.deadlines)
    expect(row).toMatchObject({ disagreementId: "dis_3", status: "withdrawn", outcome: undefined, outcomeOn: undefined, withdrawnOn: "2027-06-14" })
  })

  it("a disagreement with no clock in the inputs shows no clock state and is not counted as met late", () => {
    const june = juneInputs()
    const row = disagreementRow(june.disagreements[0]!, [])
    expect(row.clockState).toBeUndefined()
    expect(row.clockMetLate).toBe(false)
  })
})

describe("disagreements by how they ended", () => {
  it("counts each of upheld, varied, overturned, withdrawn and still open, in that order, zeros included", () => {
    const dis1 = juneInputs().disagreements[0]!
    const varied = { ...dis1, id: dis1.id, outcome: { ...dis1.outcome!, outcome: "varied" as const } }
    const rows = disagreementOutcomeRows([dis1, varied, freshDissent(dis1), freshDissent(dis1, "dis_4"), withdrawnDissent(dis1)])
    expect(rows).toEqual([
      { outcome: "upheld", disagreements: 1 },
      { outcome: "varied", disagreements: 1 },
      { outcome: "overturned", disagreements: 0 },
      { outcome: "withdrawn", disagreements: 1 },
      { outcome: "open", disagreements: 2 }
    ])
  })

  it("with no disagreements every line reads zero", () => {
    expect(disagreementOutcomeRows([]).map((row) => row.disagreements)).toEqual([0, 0, 0, 0, 0])
  })
})
