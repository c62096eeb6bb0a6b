import { describe, expect, it } from "@effect/vitest"
import { redactedText } from "../../src/access/redactedText.js"
import { clocksTable, decisionBlocks, discussionSection, dissentBlocks, reviewDate } from "../../src/documents/decisionBlocks.js"
import { signatureBlocks } from "../../src/documents/decisionSheet.js"
import { paragraph } from "../../src/documents/DocumentModel.js"
import { childNaming } from "../../src/documents/DocumentReader.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import { london } from "../fixtures.js"
import { juneInputs } from "../reports/fixtures.js"
import { readerAs, staff } from "./fixtures.js"

const june = juneInputs()
const dec1 = june.decisions.find((decision) => decision.id === "dec_1")!
const dissent = june.disagreements.find((disagreement) => disagreement.decisionId === "dec_1")!
const forChair = childNaming(readerAs("chair"), june.referrals)
const forIntegrator = childNaming(readerAs("integrator"), june.referrals)
const acted = (who: "chair" | "administrator" | "assistantDirector" | "serviceManager", role: string) => ({ personId: staff[who].personId, name: staff[who].name, role }) as never

const withContent = (content: Partial<Decision["content"]>, rest: Partial<Decision> = {}): Decision => ({ ...dec1, ...rest, content: { ...dec1.content, ...content } })
const fieldRows = (decision: Decision, naming = forChair) => {
  const [first] = decisionBlocks(decision, naming, june.policy)
  return first?._tag === "Fields" ? first.rows : []
}

describe("a decision's blocks, as minutes, sheets and bundles print them", () => {
  it("for an integrator without the identity scope, free text is withheld whole, not only the family's names from the form", () => {
    const request = june.referrals[0]!
    const [child] = request.form.children
    const withFamily = {
      ...request,
      form: { ...request.form, parentalHistory: [{ parent: "Dana Fairweather", kind: "criminal_conviction", date: "2019-03-01", detail: "A fictional conviction." }] }
    } as unknown as typeof request
    const rationale = `${child!.fullName} stays with Dana Fairweather's sister; Fairweather agreed.`
    expect(childNaming(readerAs("integrator"), [withFamily]).text(rationale)).toBe(redactedText)
    expect(childNaming(readerAs("integrator", true), [withFamily]).text(rationale)).toBe(rationale)
    expect(childNaming(readerAs("chair"), [withFamily]).text(rationale)).toBe(rationale)
  })

  it("CPR-10, LIN-7: the review date is so many weeks from the hearing, with the rule that set it", () => {
    const reviewed = withContent({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })
    expect(reviewDate(reviewed, june.policy)).toBe("by Wed 21 Jul 2027 (LIN-7)")
    expect(reviewDate(dec1, june.policy)).toBeUndefined()
    expect(fieldRows(reviewed)).toContainEqual(["Review date", "by Wed 21 Jul 2027 (LIN-7)"])
    expect(fieldRows(dec1).map(([label]) => label)).toEqual(["Decision", "Made", "Request types", "Rationale", "Agreed"])
  })

  it("a decision made outside panel says under which rule, and when", () => {
    const outside = withContent({}, {
      madeAt: "outside_panel",
      outsidePanel: { ruleId: "LIN-11", whyOutsidePanel: "Out of hours", timescales: "Today", pendingAgreements: [], agreements: [], retrospectivePresentation: true, s20TasksDone: [] }
    })
    expect(fieldRows(outside)).toContainEqual(["Made", "outside panel (LIN-11), 13:00 Wed 9 Jun 2027"])
    expect(fieldRows(dec1)).toContainEqual(["Made", "at panel, 13:00 Wed 9 Jun 2027"])
  })

  it("CPR-6: shared funding, and where the Complex Needs Panel referral stands", () => {
    const joint = withContent({ sharedFunding: { partners: ["health"] } })
    expect(fieldRows(joint)).toContainEqual(["Shared funding", "joint funding with Health fits: Complex Needs Panel referral starts when the decision is final"])
    const started = withContent({ sharedFunding: { partners: ["sen", "health"] } }, { complexNeedsReferral: { startedAt: london("2027-06-09", "13:30") } })
    expect(fieldRows(started)).toContainEqual(["Shared funding", "tripartite funding with Special Educational Needs and Health fits: Complex Needs Panel referral started 13:30 Wed 9 Jun 2027"])
    const sent = withContent(
      { sharedFunding: { partners: ["sen"] } },
      { complexNeedsReferral: { startedAt: london("2027-06-09", "13:30"), templateSent: { note: "Sent", by: acted("administrator", "panel_administrator"), at: london("2027-06-10", "09:15") } } }
    )
    expect(fieldRows(sent)).toContainEqual([
      "Shared funding",
      "joint funding with Special Educational Needs fits: Complex Needs Panel referral started 13:30 Wed 9 Jun 2027; template emailed to the social worker 09:15 Thu 10 Jun 2027"
    ])
  })

  it("CPR-6: an integrator without the identity grant gets no shared funding line (SEN or health is art. 9 data); with the grant, it does", () => {
    const sen = withContent({ sharedFunding: { partners: ["sen"] } })
    const line = ["Shared funding", "joint funding with Special Educational Needs fits: Complex Needs Panel referral starts when the decision is final"]
    expect(fieldRows(sen, forIntegrator).map(([label]) => label)).not.toContain("Shared funding")
    expect(fieldRows(sen, childNaming(readerAs("integrator", true), june.referrals))).toContainEqual(line)
    expect(fieldRows(sen, childNaming(readerAs("socialWorker"), june.referrals))).toContainEqual(line)
  })

  it("CPR-8, LIN-5: each action's owner, named where the panel named one, its due date and its progress", () => {
    const [first, second] = dec1.content.actions
    const actions = withContent({
      actions: [
        { ...first!, ownerName: "Priya Ashdown" },
        { ...second!, progress: { _tag: "Outstanding", reason: "Waiting for the school", by: acted("chair", "panel_chair"), at: london("2027-07-01", "10:00") } }
      ]
    })
    expect(decisionBlocks(actions, forChair, june.policy)[1]).toEqual({
      _tag: "Table",
      caption: "Actions",
      columns: ["Action", "Owner", "Due", "Progress"],
      rows: [
        ["Family group conference", "Priya Ashdown (social worker)", "Wed 30 Jun 2027", "completed"],
        ["Update the plan", "team manager", "Tue 20 Jul 2027", "outstanding"]
      ]
    })
    expect(decisionBlocks(withContent({ actions: [], agreed: {} }), forChair, june.policy)).toEqual([
      { _tag: "Fields", rows: [["Decision", "approved"], ["Made", "at panel, 13:00 Wed 9 Jun 2027"], ["Request types", "accommodation under section 20"], ["Rationale", "Proportionate to the risks described"]] },
      paragraph("No actions were set.")
    ])
  })

  it("the rationale and the actions' words are withheld from a reader without identity; the outcome, owners and dates stay", () => {
    const named = withContent({ rationale: "Test Child 1 is safer at home", actions: [{ ...dec1.content.actions[0]!, description: "Visit Test Child 1 weekly" }] })
    const blocks = decisionBlocks(named, forIntegrator, june.policy)
    expect(blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Decision", "approved"], ["Rationale", redactedText]]) })
    expect(blocks[1]).toMatchObject({ rows: [[redactedText, "social worker", "Wed 30 Jun 2027", "completed"]] })
  })
})

describe("presentation and discussion (CPR-10, LIN-5)", () => {
  it("the highlights and the Signs of Safety minutes, each where recorded; a line saying none were", () => {
    const both = withContent({
      highlights: { presentation: "Test Child 1's worker presented the plan", discussion: "Members asked about school" },
      minutes: { workingWell: "School attendance", worries: "Nights out", needsToHappen: "A family group conference" }
    })
    expect(discussionSection(both, forIntegrator)).toEqual({
      heading: "Presentation and discussion",
      blocks: [
        { _tag: "Fields", rows: [["Presentation", redactedText], ["Discussion", redactedText]] },
        { _tag: "Fields", rows: [["What is working well", redactedText], ["What we are worried about", redactedText], ["What needs to happen", redactedText]] }
      ]
    })
    expect(discussionSection(both, forChair).blocks[0]).toEqual({ _tag: "Fields", rows: [["Presentation", "Test Child 1's worker presented the plan"], ["Discussion", "Members asked about school"]] })
    const none = withContent({ highlights: undefined, minutes: undefined })
    expect(discussionSection(none, forChair).blocks).toEqual([paragraph("No highlights of the presentation and discussion were recorded.")])
    expect(discussionSection(undefined, forChair).blocks).toEqual([paragraph("No highlights of the presentation and discussion were recorded.")])
  })
})

describe("a member's dissent (SUP-8, LIN-13, CPR-7)", () => {
  const rowsOf = (disagreement: Disagreement) => {
    const [block] = dissentBlocks([disagreement], forChair, june.policy)
    return block?._tag === "Fields" ? block.rows : []
  }

  it("open until an outcome or a withdrawal; no areas or escalation lines until there are some", () => {
    const open: Disagreement = { ...dissent, areas: [], escalations: [], outcome: undefined, withdrawn: undefined }
    expect(rowsOf(open)).toEqual([
      ["Dissent", "Sam Jessop (LIN-13), recorded 12:00 Wed 9 Jun 2027"],
      ["Grounds", "Accommodation is not the least intrusive option"],
      ["Outcome", "open"]
    ])
    const withdrawn: Disagreement = { ...open, withdrawn: { reason: "Reassured by the plan", by: acted("chair", "panel_chair"), at: london("2027-06-10", "12:00") } }
    expect(rowsOf(withdrawn)).toContainEqual(["Outcome", "withdrawn: Reassured by the plan"])
  })

  it("every area and every escalation step, in order, separated", () => {
    const twice: Disagreement = {
      ...dissent,
      areas: ["Placement type", "Contact"],
      escalations: [...dissent.escalations, { ...dissent.escalations[0]!, to: { personId: staff.serviceManager.personId, name: "Owen Ellery" }, at: london("2027-06-14", "09:00") }]
    }
    expect(rowsOf(twice)).toContainEqual(["Areas noted", "Placement type; Contact"])
    expect(rowsOf(twice)).toContainEqual(["Escalated", "to Ruth Fairholme, 09:00 Thu 10 Jun 2027; to Owen Ellery, 09:00 Mon 14 Jun 2027"])
  })
})

describe("sign-offs and agreements (DEF-CHAIR-SIGNS, LIN-11)", () => {
  const outsidePanel = (agreements: NonNullable<Decision["outsidePanel"]>["agreements"], pendingAgreements: NonNullable<Decision["outsidePanel"]>["pendingAgreements"]) =>
    ({ ruleId: "LIN-11", whyOutsidePanel: "Out of hours", timescales: "Today", pendingAgreements, agreements, retrospectivePresentation: false, s20TasksDone: [] }) as const

  it("agreements outside panel come first, then sign-offs; a sign-off still needed names the sitting's chair where it is theirs", () => {
    const agreed = withContent({}, {
      madeAt: "outside_panel",
      pendingSignOffs: [{ ruleId: "DEF-CHAIR-SIGNS", roles: ["panel_chair"], bySittingChair: true }],
      chairedBy: acted("chair", "panel_chair"),
      outsidePanel: outsidePanel([{ role: "assistant_director", by: acted("assistantDirector", "assistant_director"), at: london("2027-06-09", "18:00") }], [])
    })
    const [recorded, signed, still] = signatureBlocks(agreed, forChair, june.policy)
    expect(recorded).toEqual({ _tag: "Fields", rows: [["Recorded by", "Dev Ingleby (panel administrator)"]] })
    expect(signed).toMatchObject({ rows: [["Assistant Director", "LIN-11", "Ruth Fairholme", "18:00 Wed 9 Jun 2027"], ["panel chair", "DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy", "Martin Gorsley", "13:30 Wed 9 Jun 2027"]] })
    expect(still).toEqual(paragraph("Not final. Still needed: sign-off by Martin Gorsley, who chaired the sitting (DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy)."))
  })

  it("an agreement still needed names the roles that may give it; nothing signed says so", () => {
    const awaiting = withContent({}, { madeAt: "outside_panel", signOffs: [], outsidePanel: outsidePanel([], [{ anyOf: ["assistant_director"] }]) })
    const [, signed, still] = signatureBlocks(awaiting, forChair, june.policy)
    expect(signed).toEqual(paragraph("Not signed yet."))
    expect(still).toEqual(paragraph("Not final. Still needed: agreement by an Assistant Director."))
  })
})

describe("a clocks table", () => {
  const [first] = june.deadlines
  it("each state in words, met with its time and whether late; an empty table is one line", () => {
    const states = (["pending", "due_soon", "overdue"] as const).map((state) => ({ ...first!, state, metAt: undefined, metLate: undefined }))
    const met = [{ ...first!, state: "met" as const, metAt: london("2027-06-03", "09:00"), metLate: false }, { ...first!, state: "met" as const, metAt: london("2027-06-07", "09:00"), metLate: true }]
    const table = clocksTable("Clocks", [...states, ...met], forChair)
    expect(table._tag === "Table" && table.rows.map((row) => row[3])).toEqual(["pending", "due soon", "overdue", "met 09:00 Thu 3 Jun 2027", "met 09:00 Mon 7 Jun 2027 (late)"])
    expect(table._tag === "Table" && table.rows[0]).toEqual([first!.title, first!.ruleId, "12:00 Fri 4 Jun 2027", "pending", first!.explanation])
    expect(clocksTable("The record and papers", [], forChair)).toEqual(paragraph("The record and papers: none."))
  })

  it("an integrator without the identity grant gets no clock telling SEN or health funding (CPR-6) or an offence legal status (J1-J3)", () => {
    const template = { ...first!, id: "dec_1:complex-needs-template", ruleId: "CPR-6" as const, explanation: "due 17:00 Fri 11 Jun 2027 - the decision finding joint funding with Special Educational Needs fits" }
    const review = { ...first!, id: "child-1:review", ruleId: "STAT-R33" as const, explanation: "due within 20 working days of the child became looked after (legal status J1: remanded to local authority accommodation or youth detention)" }
    const shown = (naming: typeof forChair) => {
      const table = clocksTable("Clocks", [first!, template, review], naming)
      return table._tag === "Table" ? table.rows.map((row) => row[1]) : []
    }
    expect(shown(forIntegrator)).toEqual([first!.ruleId])
    expect(shown(childNaming(readerAs("integrator", true), june.referrals))).toEqual([first!.ruleId, "CPR-6", "STAT-R33"])
    expect(shown(childNaming(readerAs("socialWorker"), june.referrals))).toEqual([first!.ruleId, "CPR-6", "STAT-R33"])
  })
})
