import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { Referral } from "../../src/referral/Referral.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import { edgeOfCareSummary } from "../../src/reports/edgeOfCareSummary.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import { juneInputs } from "./fixtures.js"
import { london } from "../fixtures.js"

const june = { from: "2027-06-01" as LocalDate, to: "2027-06-30" as LocalDate }

// Small changes of the June records, made inside each test.
const decisionWith = (inputs: ReportInputs, id: string, change: (decision: Decision) => Record<string, unknown>): ReportInputs => ({
  ...inputs,
  decisions: inputs.decisions.map((decision) => (decision.id === id ? ({ ...decision, ...change(decision) } as unknown as Decision) : decision))
})
const contentWith = (decision: Decision, content: Record<string, unknown>) => ({ content: { ...decision.content, ...content } })
const subjectWith = (decision: Decision, subject: Record<string, unknown>) => ({ subject: { ...decision.subject, ...subject } })
const notMade = { madeAt: "outside_panel", status: "draft" }
/** A further approval for a child, heard at a given London date (copied from dec_6, child-3's accommodation). */
const approvalFor = (inputs: ReportInputs, id: string, childId: string, date: string, types: ReadonlyArray<string>, agreed: Record<string, unknown> = {}): Decision => {
  const template = inputs.decisions.find((decision) => decision.id === "dec_6")!
  return {
    ...template,
    id,
    heardAt: london(date, "13:00"),
    subject: { ...template.subject, referralId: `ref_for_${id}`, childIds: [childId], requestTypes: types },
    content: { ...template.content, agreed }
  } as unknown as Decision
}
const child = (summary: ReturnType<typeof edgeOfCareSummary>, id: string) => summary.children.find((row) => row.childId === id)

describe("edge-of-care summary: when a supported child is known to have become looked after", () => {
  it("counts only a made approval for that child heard after the support and by the period's end", () => {
    const notMadeYet = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_6", () => notMade))
    expect(child(notMadeYet, "child-3")?.lookedAfterOn).toBeUndefined()
    const declined = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_6", (decision) => contentWith(decision, { outcome: "decline" })))
    expect(child(declined, "child-3")?.lookedAfterOn).toBeUndefined()
    const siblings = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_6", (decision) => subjectWith(decision, { childIds: ["child-3", "child-9"] })))
    expect(child(siblings, "child-3")).toMatchObject({ lookedAfterOn: "2027-06-23", lookedAfterBy: "decision dec_6" })
    const endsThatDay = edgeOfCareSummary({ from: june.from, to: "2027-06-23" as LocalDate }, juneInputs())
    expect(child(endsThatDay, "child-3")?.lookedAfterOn).toBe("2027-06-23")
  })

  it("an approval of accommodation with other requests counts; an approval of spending alone does not", () => {
    const withSpending = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_6", (decision) => subjectWith(decision, { requestTypes: ["expenditure", "s20_accommodation"] })))
    expect(child(withSpending, "child-3")?.lookedAfterOn).toBe("2027-06-23")
    const spendingOnly = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_6", (decision) => subjectWith(decision, { requestTypes: ["expenditure"] })))
    expect(child(spendingOnly, "child-3")?.lookedAfterOn).toBeUndefined()
  })

  it("a Regulation 24 placement after the support counts, the earliest signal first; one outside the window does not", () => {
    const inputs = juneInputs()
    const placed = (childId: string, date: string) =>
      inputs.placements.map((placement) => ({ ...placement, childId, placement: { ...placement.placement!, placedAt: london(date, "10:00") } }) as unknown as Placement)
    const onChild3 = edgeOfCareSummary(june, { ...inputs, placements: placed("child-3", "2027-06-10") })
    expect(child(onChild3, "child-3")).toMatchObject({ lookedAfterOn: "2027-06-10", lookedAfterBy: "placement plc_1" })
    const onLastDay = edgeOfCareSummary(june, { ...inputs, placements: placed("child-6", "2027-06-30") })
    expect(child(onLastDay, "child-6")).toMatchObject({ lookedAfterOn: "2027-06-30", lookedAfterBy: "placement plc_1" })
    expect(onLastDay.impact).toMatchObject({ becameLookedAfter: 2, notKnownToHaveBecomeLookedAfter: 0 })
    const afterEnd = edgeOfCareSummary(june, { ...inputs, placements: placed("child-6", "2027-07-01") })
    expect(child(afterEnd, "child-6")?.lookedAfterOn).toBeUndefined()
    const before = edgeOfCareSummary(june, { ...inputs, placements: placed("child-6", "2027-06-15") })
    expect(child(before, "child-6")?.lookedAfterOn).toBeUndefined()
    const notPlaced = inputs.placements.map((placement) => ({ ...placement, childId: "child-6", placement: undefined }) as unknown as Placement)
    expect(child(edgeOfCareSummary(june, { ...inputs, placements: notPlaced }), "child-6")?.lookedAfterOn).toBeUndefined()
  })

  it("when an approval of accommodation and a placement come the same day or the approval first, the approval is named", () => {
    const inputs = juneInputs()
    const placed = (date: string) =>
      inputs.placements.map((placement) => ({ ...placement, childId: "child-6", placement: { ...placement.placement!, placedAt: london(date, "10:00") } }) as unknown as Placement)
    const accommodation = approvalFor(inputs, "dec_96", "child-6", "2027-06-21", ["s20_accommodation"])
    const sameDay = edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, accommodation], placements: placed("2027-06-21") })
    expect(child(sameDay, "child-6")).toMatchObject({ lookedAfterOn: "2027-06-21", lookedAfterBy: "decision dec_96" })
    const placedLater = edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, accommodation], placements: placed("2027-06-25") })
    expect(child(placedLater, "child-6")).toMatchObject({ lookedAfterOn: "2027-06-21", lookedAfterBy: "decision dec_96" })
  })

  it("care proceedings or pre-proceedings agreed for a supported child show as proceedings; without accommodation, 'entered proceedings only'", () => {
    const inputs = juneInputs()
    const care = approvalFor(inputs, "dec_90", "child-6", "2027-06-25", ["legal_planning_meeting"], { careProceedings: true })
    const pre = approvalFor(inputs, "dec_91", "child-6", "2027-06-21", ["legal_planning_meeting"], { preProceedings: true })
    const both = edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, care, pre] })
    expect(child(both, "child-6")).toMatchObject({ proceedingsOn: "2027-06-21", lookedAfterOn: undefined })
    expect(both.impact).toMatchObject({ becameLookedAfter: 1, enteredProceedingsOnly: 1, notKnownToHaveBecomeLookedAfter: 1 })
    const careOnly = edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, care] })
    expect(child(careOnly, "child-6")?.proceedingsOn).toBe("2027-06-25")
    const typed = approvalFor(inputs, "dec_92", "child-6", "2027-06-22", ["care_proceedings"])
    expect(child(edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, typed] }), "child-6")?.proceedingsOn).toBe("2027-06-22")
    const neither = approvalFor(inputs, "dec_93", "child-6", "2027-06-22", ["legal_planning_meeting"], { careProceedings: false, preProceedings: false })
    expect(child(edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, neither] }), "child-6")?.proceedingsOn).toBeUndefined()
    // Child-3 became looked after as well as entering proceedings: not "proceedings only".
    const child3 = approvalFor(inputs, "dec_94", "child-3", "2027-06-22", ["care_proceedings"])
    expect(edgeOfCareSummary(june, { ...inputs, decisions: [...inputs.decisions, child3] }).impact.enteredProceedingsOnly).toBe(0)
    expect(edgeOfCareSummary(june, inputs).impact.enteredProceedingsOnly).toBe(0)
  })

  it("a child supported twice is followed from the first support", () => {
    const inputs = juneInputs()
    const again = approvalFor(inputs, "dec_95", "child-3", "2027-06-16", ["edge_of_care_resource"])
    const summary = edgeOfCareSummary(june, { ...inputs, decisions: [again, ...inputs.decisions] })
    expect(child(summary, "child-3")).toMatchObject({ decisionId: "dec_5", supportedOn: "2027-06-09", followUpDays: 21 })
    expect(summary.allocation).toMatchObject({ approved: 3, childrenSupported: 2 })
  })
})

describe("edge-of-care summary: children already looked after, funding, months and follow-up", () => {
  it("a child already looked after when referred (plan CLA) is counted apart, not a brother or sister on the same form", () => {
    const inputs = juneInputs()
    const withForm = (id: string, children: (form: Referral["form"]) => ReadonlyArray<unknown>) =>
      inputs.referrals.map((referral) => (referral.id === id ? ({ ...referral, form: { ...referral.form, children: children(referral.form) } } as unknown as Referral) : referral))
    const cla = edgeOfCareSummary(june, { ...inputs, referrals: withForm("ref_3", (form) => [{ ...form.children[0], plan: "CLA" }, { ...form.children[0], childId: "child-8", plan: "CIN" }]) })
    expect(child(cla, "child-3")?.alreadyLookedAfter).toBe(true)
    expect(cla.impact).toMatchObject({ childrenSupported: 2, alreadyLookedAfter: 1, becameLookedAfter: 0, notKnownToHaveBecomeLookedAfter: 1 })
    expect(cla.impact.followUpDays.count).toBe(1)
    const sibling = edgeOfCareSummary(june, { ...inputs, referrals: withForm("ref_6", (form) => [...form.children, { ...form.children[0], childId: "child-8", plan: "CLA" }]) })
    expect(child(sibling, "child-6")?.alreadyLookedAfter).toBe(false)
    const unknown = edgeOfCareSummary(june, { ...inputs, referrals: inputs.referrals.filter((referral) => referral.id !== "ref_3") })
    expect(child(unknown, "child-3")?.alreadyLookedAfter).toBe(false)
  })

  it("follow-up is the days from support to the period's end for children not already looked after", () => {
    expect(edgeOfCareSummary(june, juneInputs()).impact.followUpDays).toEqual({ count: 2, median: 17.5, p90: 20.3, mean: 17.5, min: 14, max: 21 })
  })

  it("an approval without funding adds nothing to the funding rows; a deferral is counted as deferred in its month", () => {
    let inputs = decisionWith(juneInputs(), "dec_8", (decision) => contentWith(decision, { agreed: {} }))
    inputs = decisionWith(inputs, "dec_7", (decision) => contentWith(decision, { outcome: "defer" }))
    const summary = edgeOfCareSummary(june, inputs)
    expect(summary.allocation).toMatchObject({ approved: 2, declined: 0, deferred: 1, annualisedFundingPence: 20_000 * 52 })
    expect(summary.allocation.funding.map((row) => [row.period, row.decisions, row.amountPence])).toEqual([
      ["one_off", 0, 0],
      ["weekly", 1, 20_000],
      ["monthly", 0, 0],
      ["annual", 0, 0]
    ])
    expect(summary.months).toEqual([{ month: "2027-06", requests: 3, children: 3, approved: 2, declined: 0, deferred: 1, annualisedFundingPence: 20_000 * 52 }])
  })

  it("the month's funding is the sum of its approvals as yearly rates", () => {
    expect(edgeOfCareSummary(june, juneInputs()).months[0]).toMatchObject({ approved: 2, declined: 1, deferred: 0, annualisedFundingPence: 20_000 * 52 + 150_000 })
  })

  it("KNO-3: a decision agreed outside panel and not yet final is not an approval on the capacity lines", () => {
    const summary = edgeOfCareSummary(june, decisionWith(juneInputs(), "dec_5", () => notMade))
    expect(summary.capacityByMonth[0]).toMatchObject({ requestType: "edge_of_care_resource", requests: 3, approved: 1 })
    expect(summary.allocation.approved).toBe(1)
  })
})
