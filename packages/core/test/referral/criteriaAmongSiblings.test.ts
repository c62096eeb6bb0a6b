import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { ChildDetails, ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

// The facts behind SUP-2, SUP-3 and LIN-2 when a request covers siblings, or records more than one entry:
// which child's plan counts, which dates are shown, which child must be disabled.

const support = referralsAt("support-panels", "support-panel")
const lincolnshire = referralsAt("lincolnshire", "support-panel")
const supportPapers = ["assessment", "care_plan", "referral_form"] as const
const linPapers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const
const robin = completeForm("support-panel").children[0]!
const alex: ChildDetails = { ...robin, childId: ChildId.make("child-2"), fullName: "Alex Testwood", dateOfBirth: "2018-09-14" as LocalDate }

/** Every submission here is on Tue 1 Jun 2027: 18 months before it is Mon 1 Dec 2025. */
const submitAtSupportPanels = (overrides: Partial<ReferralForm>) =>
  support.spec
    .given(support.draft({ requestTypes: ["edge_of_care_resource"], presentationReasons: [], ...overrides }, supportPapers))
    .when(support.cmd("socialWorker", { _tag: "Submit" }))

const longPlanTicked = (children: ReadonlyArray<ChildDetails>) =>
  submitAtSupportPanels({ children, presentationReasons: ["long_child_protection_plan"] })

describe("SUP-2 among siblings: the 18 months count from the plan that started first", () => {
  it("given Robin on a child protection plan since Sep 2026 and Alex since May 2025, when submitted, then the 24 months of Alex's plan are shown", () => {
    const state = longPlanTicked([
      { ...robin, plan: "CP", planStarted: "2026-09-01" as LocalDate },
      { ...alex, plan: "CP", planStarted: "2025-05-20" as LocalDate }
    ]).state()!
    expect(state.criteria.map((criterion) => criterion.explanation)).toEqual([
      "SUP-2: a child on the request has been on a child protection plan since Tue 20 May 2025, 24 months by Tue 1 Jun 2027: more than 18 months; the social worker records that the harm remains"
    ])
  })

  it("given a sibling on a child in need plan since 2023, when the tick rests on the other child's short child protection plan, then it is refused with that plan's months", () => {
    const refusal = longPlanTicked([
      { ...robin, plan: "CIN", planStarted: "2023-02-01" as LocalDate },
      { ...alex, plan: "CP", planStarted: "2026-09-01" as LocalDate }
    ]).refusal()
    expect(refusal._tag).toBe("IncompleteRequest")
    expect(refusal.message).toContain(
      "a child protection plan for more than 18 months: the form shows one since Tue 1 Sep 2026, only 9 months by Tue 1 Jun 2027"
    )
  })

  it("given the only child protection plan on the form has no start date, when ticked, then the social worker is asked which child is on it and when it started", () => {
    const refusal = longPlanTicked([{ ...robin, plan: "CP" }, { ...alex, plan: "CIN", planStarted: "2023-02-01" as LocalDate }]).refusal()
    expect(refusal.message).toContain("Please complete: which child is on a child protection plan and when it started, ")
  })

  it("given a child protection plan recorded as starting after the submission, when ticked, then it does not count: the social worker is asked when the plan started", () => {
    const refusal = longPlanTicked([{ ...robin, plan: "CP", planStarted: "2027-07-01" as LocalDate }]).refusal()
    expect(refusal.message).toContain("Please complete: which child is on a child protection plan and when it started, ")
  })
})

describe("SUP-3 with more than one entry: every recorded date is shown", () => {
  it("given two convictions recorded, when submitted, then the criterion lists both dates", () => {
    const state = submitAtSupportPanels({
      parentalHistory: [
        { parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" },
        { parent: "Sam Testwood", kind: "criminal_conviction", date: "2022-11-15" as LocalDate, detail: "Affray" }
      ]
    }).state()!
    expect(state.criteria.map((criterion) => criterion.explanation)).toEqual([
      "SUP-3: a parent or caregiver's criminal conviction is recorded (Mon 4 Mar 2019, Tue 15 Nov 2022)"
    ])
  })
})

describe("LIN-2 among siblings: the costed package needs a disabled child on the request and the cost", () => {
  const submitAtLincolnshire = (overrides: Partial<ReferralForm>) =>
    lincolnshire.spec
      .given(
        lincolnshire.draft(
          { requestTypes: ["respite_or_family_support"], presentationReasons: ["disabled_child_high_cost_package"], ...overrides },
          linPapers
        )
      )
      .when(lincolnshire.cmd("socialWorker", { _tag: "Submit" }))

  it("given Robin not disabled and Alex disabled, when the team ticks the costed package, then it is recorded", () => {
    const state = submitAtLincolnshire({ children: [robin, { ...alex, disabled: true }], annualCostPence: 1_850_000 }).state()!
    expect(state.criteria.map((criterion) => criterion.reason)).toEqual(["disabled_child_high_cost_package"])
  })

  it("given a disabled child but no yearly cost on the form, when ticked, then it is refused until the cost is recorded", () => {
    const refusal = submitAtLincolnshire({ children: [{ ...robin, disabled: true }] }).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "presentationReasons", ruleId: "LIN-2" }] })
    expect(refusal.message).toContain("which child is disabled and what the care package costs a year")
  })
})

describe("the order criteria are listed in: must before should, each in the policy's order", () => {
  it("given a long child protection plan ticked, a conviction and earlier care proceedings, when submitted, then SUP-3's two come first as the policy lists them", () => {
    const state = submitAtSupportPanels({
      children: [{ ...robin, plan: "CP", planStarted: "2025-05-20" as LocalDate }],
      presentationReasons: ["long_child_protection_plan"],
      parentalHistory: [
        { parent: "Sam Testwood", kind: "care_proceedings", date: "2021-06-30" as LocalDate, detail: "Older child placed for adoption" },
        { parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" }
      ]
    }).state()!
    expect(state.criteria.map((criterion) => `${criterion.ruleId} ${criterion.reason}`)).toEqual([
      "SUP-3 parental_convictions",
      "SUP-3 previous_care_proceedings",
      "SUP-2 long_child_protection_plan"
    ])
  })

  it("given a Lincolnshire request with a conviction recorded and a disabled child's costed package ticked, then LIN-2's must comes before its should, though the policy lists it first anyway", () => {
    const state = lincolnshire.spec
      .given(
        lincolnshire.draft(
          {
            requestTypes: ["respite_or_family_support"],
            children: [{ ...robin, disabled: true }],
            annualCostPence: 1_850_000,
            presentationReasons: ["disabled_child_high_cost_package"],
            parentalHistory: [{ parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" }]
          },
          linPapers
        )
      )
      .when(lincolnshire.cmd("socialWorker", { _tag: "Submit" }))
      .state()!
    expect(state.criteria.map((criterion) => `${criterion.level} ${criterion.reason}`)).toEqual([
      "must parental_convictions",
      "should disabled_child_high_cost_package"
    ])
  })
})
