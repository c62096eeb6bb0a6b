import { describe, expect, it } from "@effect/vitest"
import { clockRow, ruleRows } from "../../src/reports/clockRows.js"
import { juneInputs } from "./fixtures.js"

describe("clocks in the export", () => {
  it("DEF-DISAGREEMENT-5WD: dis_1's outcome clock was met late on 21 Jun, and its row says when and that its rule is Carepanel's default", () => {
    const clock = juneInputs().deadlines.find((deadline) => deadline.id === "dis_1:outcome")!
    expect(clockRow(clock, juneInputs().policy)).toEqual({
      deadlineId: "dis_1:outcome",
      aboutKind: "disagreement",
      aboutId: "dis_1",
      ruleId: "DEF-DISAGREEMENT-5WD",
      cited: "DEF-DISAGREEMENT-5WD, Carepanel default, not in the terms of reference; set by the authority's policy",
      due: "2027-06-16T16:00:00.000Z",
      dueOn: "2027-06-16",
      state: "met",
      metAt: "2027-06-21T15:00:00.000Z",
      metLate: true
    })
  })

  it("a clock still running has no met time and is not late", () => {
    const clock = juneInputs().deadlines.find((deadline) => deadline.id === "dec_8:actions-case-note")!
    expect(clockRow(clock, juneInputs().policy)).toMatchObject({ state: "due_soon", metAt: undefined, metLate: false })
  })

  it("by rule as of 15 Jul: LIN-6 has one due soon and one pending still open, LIN-3 none open", () => {
    const rows = ruleRows(juneInputs().deadlines, juneInputs().policy)
    const byRule = Object.fromEntries(rows.map((row) => [row.ruleId, row]))
    expect(byRule["LIN-6"]).toEqual({ ruleId: "LIN-6", cited: "LIN-6", clocks: 5, metOnTime: 0, metLate: 0, overdue: 2, open: 3 })
    expect(byRule["LIN-3"]).toMatchObject({ metOnTime: 6, open: 0 })
  })
})
