import { describe, expect, it } from "@effect/vitest"
import type { Decision } from "../../src/decision/Decision.js"
import type { Agreed } from "../../src/decision/DecisionParts.js"
import { redactor } from "../../src/notifications/CaseContext.js"
import { preset } from "../../src/policy/authorities/index.js"
import { agreedLines, decisionLines, money } from "../../src/notifications/decisionText.js"
import { ActionId, ChildId, ReferralId } from "../../src/shared/ids.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { sittingEnds } from "../decision/fixtures.js"
import { london } from "../fixtures.js"
import { dev, finalDecision } from "./fixtures.js"

const redact = redactor(["Robin Testwood", "Ash Testwood"])
const lincolnshire = preset("lincolnshire")

/** Given a decision on Robin's request (ref_1) as the social worker will read it: made at the sitting of Wed 9 Jun 2027 unless told otherwise. */
const decision = (content: Partial<Decision["content"]> = {}, made: Partial<Decision> = {}): Decision =>
  finalDecision(
    "lincolnshire",
    { childIds: [ChildId.make("child-1")], requestTypes: ["s20_accommodation"] },
    { rationale: "Accommodation is proportionate", ...content },
    made
  )

const action = (description: string, more: Partial<Decision["content"]["actions"][number]> = {}): Decision["content"]["actions"][number] => ({
  actionId: ActionId.make("act_1"),
  description,
  ownerRole: "social_worker",
  dueDate: "2027-06-23" as LocalDate,
  fgcReferral: false,
  progress: { _tag: "Open" },
  ...more
})

describe("what a decision says to the social worker and team manager", () => {
  it("CPR-8: an approval at panel with nothing agreed and no actions says so, for every child and request type", () => {
    const lines = decision({}, { subject: { referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1"), ChildId.make("child-2")], requestTypes: ["s20_accommodation", "expenditure"] } })
    expect(decisionLines(lines, redact, lincolnshire)).toEqual([
      "Outcome: approved, at the sitting on Wed 9 Jun 2027.",
      "Request ref_1: accommodation under section 20; expenditure.",
      "Children: child-1, child-2.",
      "Rationale: Accommodation is proportionate",
      "No actions."
    ])
  })

  it("LIN-11: a decision agreed outside panel says so, under its rule, with the moment of agreement; a deferral says deferred", () => {
    const outside = decision(
      { outcome: "defer" },
      {
        madeAt: "outside_panel",
        heardAt: london("2027-06-10", "17:05"),
        outsidePanel: { ruleId: "LIN-11", whyOutsidePanel: "No carer tonight", timescales: "Today", pendingAgreements: [], agreements: [], retrospectivePresentation: false, s20TasksDone: [] }
      }
    )
    expect(decisionLines(outside, redact, lincolnshire)[0]).toBe("Outcome: deferred, agreed outside panel (LIN-11) at 17:05 Thu 10 Jun 2027.")
    expect(decisionLines(decision({ outcome: "decline" }), redact, lincolnshire)[0]).toBe("Outcome: declined, at the sitting on Wed 9 Jun 2027.")
  })

  it("CPR-8: every action says its owner (by name when recorded), its due date, an FGC referral, and how it stands; a long action is cut at 200 characters", () => {
    const long = `Arrange contact for Robin Testwood with ${"grandparents and cousins ".repeat(10)}`
    const actions = [
      action("Hold a family group conference for Robin", { fgcReferral: true }),
      action("Write to the parents", { ownerRole: "team_manager", ownerName: "Tom Brackley", dueDate: "2027-06-11" as LocalDate, progress: { _tag: "Completed", evidence: "Sent", by: dev, at: sittingEnds } }),
      action("Find a school place", { ownerRole: "team_manager", progress: { _tag: "Outstanding", reason: "Waiting", by: dev, at: sittingEnds } }),
      action(long)
    ]
    const lines = decisionLines(decision({ actions }), redact, lincolnshire)
    expect(lines.slice(4, 8)).toEqual([
      "Actions:",
      "- Hold a family group conference for the child - social worker - due Wed 23 Jun 2027 (Family Group Conference referral)",
      "- Write to the parents - Tom Brackley - due Fri 11 Jun 2027 [completed]",
      "- Find a school place - team manager - due Wed 23 Jun 2027 [outstanding]"
    ])
    const cut = lines[8] ?? ""
    expect(cut.startsWith("- Arrange contact for the child with grandparents")).toBe(true)
    expect(cut.endsWith(" grandparents... - social worker - due Wed 23 Jun 2027")).toBe(true)
    // Cut at the last space before the 200th character of the description.
    expect(cut.indexOf("...") - "- ".length).toBeGreaterThan(190)
    expect(cut.indexOf("...") - "- ".length).toBeLessThanOrEqual(200)
  })

  it("the rationale goes without the child's name and is cut at 300 characters", () => {
    const rationale = `Ash Testwood ${"needs a safe carer this week ".repeat(20)}`
    const [, , , line] = decisionLines(decision({ rationale }), redact, lincolnshire)
    expect(line?.startsWith("Rationale: the child needs a safe carer")).toBe(true)
    expect(line?.endsWith("...")).toBe(true)
    expect(line?.length).toBeLessThanOrEqual("Rationale: ".length + 303)
  })

  it("CPR-10: a return to panel says within how many weeks, under its rule", () => {
    const lines = decisionLines(decision({ returnToPanel: { withinWeeks: 12, ruleId: "CPR-10" } }), redact, lincolnshire)
    expect(lines.at(-1)).toBe("Back to panel within 12 weeks (CPR-10).")
  })
})

describe("what a decision agreed", () => {
  it("LIN-5: the length of accommodation, the placement type and each legal route agreed, one line each (and the funding agreed)", () => {
    const agreed: Agreed = {
      accommodationWeeks: 6,
      placement: "parent_and_child",
      funding: { amountPence: 45_000, period: "weekly", months: 12, budget: "Robin Testwood's respite" },
      legalPlanningMeeting: true,
      preProceedings: true,
      careProceedings: true
    }
    expect(agreedLines(agreed, redact)).toEqual([
      "Accommodation agreed for 6 weeks, then back to panel.",
      "Placement type: parent and child.",
      "Funding: GBP 450.00 a week for 12 months from the the child's respite budget.",
      "A legal planning meeting is agreed.",
      "Pre-proceedings are agreed.",
      "Care proceedings are agreed."
    ])
  })

  it("legal routes not agreed are left out, and funding says its period: one-off, a month, a year", () => {
    const routesNo: Agreed = { legalPlanningMeeting: false, preProceedings: false, careProceedings: false }
    expect(agreedLines(routesNo, redact)).toEqual([])
    expect(agreedLines({ careProceedings: true }, redact)).toEqual(["Care proceedings are agreed."])
    expect(agreedLines({ legalPlanningMeeting: true }, redact)).toEqual(["A legal planning meeting is agreed."])
    const funded = (period: "one_off" | "monthly" | "annual") => agreedLines({ funding: { amountPence: 1_800_00, period, budget: "Placements" } }, redact)
    expect(funded("one_off")).toEqual(["Funding: GBP 1,800.00 one-off from the Placements budget."])
    expect(funded("monthly")).toEqual(["Funding: GBP 1,800.00 a month from the Placements budget."])
    expect(funded("annual")).toEqual(["Funding: GBP 1,800.00 a year from the Placements budget."])
  })

  it("an amount reads in pounds and pence, with a comma every three figures; a care package costing nothing reads GBP 0.00", () => {
    expect([0, 5, 100, 99_999, 100_000, 12_345_678, 123_456_789].map(money)).toEqual([
      "GBP 0.00",
      "GBP 0.05",
      "GBP 1.00",
      "GBP 999.99",
      "GBP 1,000.00",
      "GBP 123,456.78",
      "GBP 1,234,567.89"
    ])
  })
})
