import { describe, expect, it } from "@effect/vitest"
import { clocksOfDecision, type DecisionSheetInputs, decisionSheet } from "../../src/documents/decisionSheet.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { citation } from "../../src/policy/citation.js"
import { juneInputs } from "../reports/fixtures.js"
import { afterHours, readerAs, staff } from "./fixtures.js"

const june = juneInputs()
const dec1 = june.decisions.find((decision) => decision.id === "dec_1")!
const sheetInputs = (decision = dec1, reader = readerAs("socialWorker")): DecisionSheetInputs => ({
    authorityName: "Lincolnshire County Council",
    panelName: "Support Panel",
    decision,
    childId: "child-1",
    referral: june.referrals.find((referral) => referral.id === decision.subject.referralId),
    sitting: june.sittings.find((sitting) => sitting.id === decision.sittingId),
    disagreements: june.disagreements.filter((disagreement) => disagreement.decisionId === decision.id),
    deadlines: june.deadlines,
    policy: june.policy,
    reader,
    at: afterHours(0)
  })
const sheetOf = (decision = dec1, reader = readerAs("socialWorker")) => decisionSheet(sheetInputs(decision, reader))

describe("a decision sheet for the child's file", () => {
  it("NSO-8: the decision, who signed it under which rule and when, and that it is final", () => {
    const sheet = sheetOf()
    const text = textOf(sheet)
    expect(sheet.title).toBe("Decision sheet: Test Child 1 (child-1)")
    expect(sheet.watermark).toBeUndefined()
    const signed = sheet.sections.find((section) => section.heading === "Signed and finalised")!
    expect(signed.blocks[1]).toMatchObject({ _tag: "Table", rows: [["panel chair", expect.stringMatching(/^[A-Z]+-/), "Martin Gorsley", "13:30 Wed 9 Jun 2027"]] })
    expect(text).toContain("Final: no sign-off is outstanding.")
    expect(text).toContain("Not amended.")
  })

  it("lists every amendment with its reason and who approved it, in order", () => {
    const amended = {
      ...dec1,
      amendments: [
        { whatChanged: "Review brought forward", why: "School exclusion", approvedBy: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const }, by: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const }, at: afterHours(-700) },
        { whatChanged: "Placement type corrected", why: "Typing error in the record", approvedBy: { personId: staff.viceChair.personId, name: "Alys Hartwell", role: "vice_chair" as const }, by: { personId: staff.viceChair.personId, name: "Alys Hartwell", role: "vice_chair" as const }, at: afterHours(-600) }
      ]
    }
    const section = sheetOf(amended).sections.find((candidate) => candidate.heading === "Amendments")!
    expect(section.blocks[0]).toMatchObject({
      _tag: "Table",
      rows: [
        [expect.any(String), "Review brought forward", "School exclusion", "Martin Gorsley"],
        [expect.any(String), "Placement type corrected", "Typing error in the record", "Alys Hartwell"]
      ]
    })
  })

  it("explains each clock with the rule it comes from: the actions' (LIN-5) and the case note's (LIN-6)", () => {
    const clocks = sheetOf().sections.find((section) => section.heading === "Clocks and the rules behind them")!.blocks[0]!
    const rows = clocks._tag === "Table" ? clocks.rows : []
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ["Family group conference (social worker)", "LIN-5", expect.stringMatching(/^met .* \(late\)$/)],
      ['"Support Panel Actions" case note updating every action', "LIN-6", "overdue"],
      ["Update the plan (team manager)", "LIN-5", "pending"],
      ["Accommodation agreed for 6 weeks: back to panel before it ends", "LIN-5", "pending"]
    ])
    for (const row of rows) expect(row[4]).toContain(row[1])
  })

  it("watermarked until every sign-off is in, naming what is still needed", () => {
    const pending = { ...dec1, status: "awaiting_sign_off" as const, signOffs: [], pendingSignOffs: [{ ruleId: dec1.signOffs[0]!.ruleId, roles: ["panel_chair"] as const }] }
    const sheet = sheetOf(pending)
    expect(sheet.watermark).toBe("NOT FINAL - AWAITING SIGN-OFF")
    expect(textOf(sheet).join("\n")).toContain(`Not final. Still needed: sign-off by a panel chair (${citation(dec1.signOffs[0]!.ruleId, june.policy)}).`)
  })

  it("an integrator without the identity grant gets the child's id in place of the name", () => {
    const sheet = sheetOf(dec1, readerAs("integrator"))
    expect(sheet.title).toBe("Decision sheet: Child child-1")
    expect(textOf(sheet).join("\n")).not.toContain("Test Child 1")
    expect(sheet.reads).toEqual([{ childId: "child-1", fields: expect.not.arrayContaining(["fullName"]) }])
  })
})

describe("a decision sheet, section by section (NSO-8, CPR-11)", () => {
  it("the request, the decision, the dissent, the signatures, the amendments and the clocks, in that order, and what it reads", () => {
    const sheet = sheetOf()
    expect(sheet).toMatchObject({ kind: "decision_sheet", stage: "final", subtitle: "Lincolnshire County Council. Support Panel, Wed 9 Jun 2027. Decision dec_1." })
    expect(sheet.sections.map((section) => section.heading)).toEqual([
      "The request",
      "Presentation and discussion",
      "Decision",
      "Dissent",
      "Signed and finalised",
      "Amendments",
      "Clocks and the rules behind them"
    ])
    expect(sheet.sections[0]!.blocks).toEqual([
      {
        _tag: "Fields",
        rows: [
          ["Child", "Test Child 1 (child-1)"],
          ["Request", "ref_1"],
          ["Asked", "Agreement to accommodate under section 20 while the family network is assessed"],
          ["Social worker", "Priya Ashdown"]
        ]
      }
    ])
    expect(sheet.sections[3]!.blocks).toMatchObject([{ _tag: "Fields", rows: expect.arrayContaining([["Dissent", "Sam Jessop (LIN-13), recorded 12:00 Wed 9 Jun 2027"]]) }])
    expect(sheet.sections[4]!.blocks[1]).toMatchObject({ _tag: "Table", caption: "Sign-offs and agreements", columns: ["Role", "Rule", "By", "When"] })
    expect(sheet.reads).toEqual([{ childId: "child-1", fields: ["decision", "rationale", "minutes", "highlights", "actions", "amendments", "dissent", "fullName"] }])
  })

  it("without the request's record or a dissent: no words asked, no social worker, no dissent section; the panel by its id when unnamed", () => {
    const bare = decisionSheet({ ...sheetInputs(), panelName: undefined, referral: undefined, disagreements: [] })
    expect(bare.subtitle).toBe("Lincolnshire County Council. support-panel, Wed 9 Jun 2027. Decision dec_1.")
    expect(bare.sections.map((section) => section.heading)).not.toContain("Dissent")
    expect(bare.sections[0]!.blocks).toEqual([{ _tag: "Fields", rows: [["Child", "Child child-1"], ["Request", "ref_1"]] }])
  })

  it("an amended decision lists its amendments under their headings", () => {
    const amended = { ...dec1, amendments: [{ whatChanged: "Review date", why: "Typing error", approvedBy: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const }, by: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const }, at: afterHours(-100) }] }
    const section = sheetOf(amended).sections.find((candidate) => candidate.heading === "Amendments")!
    expect(section.blocks[0]).toMatchObject({ _tag: "Table", caption: "Amendments", columns: ["When", "What changed", "Why", "Approved by"] })
  })

  it("CPR-11: the clocks are the decision's, its actions' and this child's upload, never another child's or decision's", () => {
    const [clock] = june.deadlines
    const about = (kind: string, id: string, deadlineId = `${kind}:${id}`) => ({ ...clock!, id: deadlineId, title: `${kind} ${id} ${deadlineId}`, about: { kind, id } as never })
    const actionId = dec1.content.actions[0]!.actionId
    const deadlines = [
      about("decision", "dec_1"),
      about("decision", "dec_2"),
      about("action", actionId),
      about("action", "act_elsewhere"),
      about("sitting", "sit_9jun", "sit_9jun:upload:child-1"),
      about("sitting", "sit_9jun", "sit_9jun:upload:child-9"),
      about("referral", "dec_1")
    ]
    expect(clocksOfDecision(dec1, "child-1", deadlines).map((deadline) => deadline.title)).toEqual([
      "decision dec_1 decision:dec_1",
      `action ${actionId} action:${actionId}`,
      "sitting sit_9jun sit_9jun:upload:child-1"
    ])
    expect(clocksOfDecision({ ...dec1, sittingId: undefined }, "child-1", deadlines)).toHaveLength(2)
  })
})
