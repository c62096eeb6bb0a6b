import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { addDays, type LocalDate } from "../../src/calendar/LocalDate.js"
import { evolveReferral } from "../../src/referral/evolveReferral.js"
import { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import type { ChildDetails, ReferralForm } from "../../src/referral/ReferralForm.js"
import { completeForm, london } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const support = referralsAt("support-panels", "support-panel")
const lincolnshire = referralsAt("lincolnshire", "support-panel")
const supportPapers = ["assessment", "care_plan", "referral_form"] as const
const linPapers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const
const robin = completeForm("support-panel").children[0]!
/** Every submission here is on Tue 1 Jun 2027. */
const submittedOn = "2027-06-01" as LocalDate

const submitAtSupportPanels = (overrides: Partial<ReferralForm>) =>
  support.spec
    .given(support.draft({ requestTypes: ["edge_of_care_resource"], presentationReasons: [], ...overrides }, supportPapers))
    .when(support.cmd("socialWorker", { _tag: "Submit" }, london(submittedOn, "09:00")))

const onChildProtectionPlanSince = (planStarted: LocalDate): ChildDetails => ({ ...robin, plan: "CP", planStarted })

describe("criteria from facts: SUP-3 / LIN-2, a parent's convictions or earlier care proceedings", () => {
  it("SUP-3: a conviction recorded on the form brings the case to panel automatically, with nothing ticked, and says why", () => {
    const state = submitAtSupportPanels({
      parentalHistory: [{ parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" }]
    }).state()!
    expect(state.criteria).toEqual([
      {
        ruleId: "SUP-3",
        reason: "parental_convictions",
        level: "must",
        description: "A parent or caregiver has criminal convictions",
        explanation: "SUP-3: a parent or caregiver's criminal conviction is recorded (Mon 4 Mar 2019)"
      }
    ])
  })

  it("SUP-3: ticking 'earlier care proceedings' without recording them is refused, naming what to record, and changes nothing", () => {
    const refusal = submitAtSupportPanels({ presentationReasons: ["previous_care_proceedings"] }).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "presentationReasons", ruleId: "SUP-3" }] })
    expect(refusal.message).toBe(
      "The request cannot be submitted yet. Please complete: the parent's or caregiver's care proceedings about a connected child: who, when and what, " +
        'which the reason "A parent or caregiver was involved in care proceedings about a connected child" (SUP-3) rests on.'
    )
  })

  it("LIN-2: earlier care proceedings recorded are a must at Lincolnshire too, cited to its own rule", () => {
    const state = lincolnshire.spec
      .given(
        lincolnshire.draft(
          { parentalHistory: [{ parent: "Sam Testwood", kind: "care_proceedings", date: "2021-06-30" as LocalDate, detail: "Older child placed for adoption" }] },
          linPapers
        )
      )
      .when(lincolnshire.cmd("socialWorker", { _tag: "Submit" }))
      .state()!
    expect(state.criteria[0]).toMatchObject({ ruleId: "LIN-2", reason: "previous_care_proceedings", level: "must" })
    expect(state.criteria[0]!.explanation).toBe("LIN-2: a parent or caregiver's care proceedings about a connected child is recorded (Wed 30 Jun 2021)")
  })
})

describe("criteria from facts: LIN-2, a disabled child's high-cost care package", () => {
  const submitAtLincolnshire = (overrides: Partial<ReferralForm>) =>
    lincolnshire.spec
      .given(lincolnshire.draft({ requestTypes: ["respite_or_family_support"], presentationReasons: [], ...overrides }, linPapers))
      .when(lincolnshire.cmd("socialWorker", { _tag: "Submit" }))

  it("LIN-2: the team's tick with a disabled child and the package's cost is recorded with both facts", () => {
    const state = submitAtLincolnshire({
      children: [{ ...robin, disabled: true }],
      annualCostPence: 1_850_000,
      presentationReasons: ["disabled_child_high_cost_package"]
    }).state()!
    expect(state.criteria.map((criterion) => criterion.explanation)).toEqual([
      "LIN-2: a child on the request is disabled and the care package costs GBP 18,500.00 a year; the social worker records that the package's cost is high enough to need the panel's ratification"
    ])
  })

  it("LIN-2: the same facts without the tick bring no criterion: whether the cost is high is the team's judgement", () => {
    expect(submitAtLincolnshire({ children: [{ ...robin, disabled: true }], annualCostPence: 1_850_000 }).state()!.criteria).toEqual([])
  })

  it("LIN-2: the tick for a child the form does not record as disabled is refused", () => {
    const refusal = submitAtLincolnshire({ annualCostPence: 1_850_000, presentationReasons: ["disabled_child_high_cost_package"] }).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "presentationReasons", ruleId: "LIN-2" }] })
    expect(refusal.message).toContain("which child is disabled and what the care package costs a year")
  })
})

describe("criteria from facts: SUP-2, a child protection plan for more than 18 months where the harm remains", () => {
  it("SUP-2: a plan started 2 years before submission, with the harm ticked, shows the months", () => {
    const state = submitAtSupportPanels({
      children: [onChildProtectionPlanSince("2025-05-20" as LocalDate)],
      presentationReasons: ["long_child_protection_plan"]
    }).state()!
    expect(state.criteria.map((criterion) => criterion.explanation)).toEqual([
      "SUP-2: a child on the request has been on a child protection plan since Tue 20 May 2025, 24 months by Tue 1 Jun 2027: more than 18 months; the social worker records that the harm remains"
    ])
  })

  it("SUP-2: on a plan for exactly 18 months is not more than 18: the tick is refused with the months the form shows", () => {
    const refusal = submitAtSupportPanels({
      children: [onChildProtectionPlanSince("2025-12-01" as LocalDate)],
      presentationReasons: ["long_child_protection_plan"]
    }).refusal()
    expect(refusal.message).toContain("a child protection plan for more than 18 months: the form shows one since Mon 1 Dec 2025, only 18 months by Tue 1 Jun 2027")
  })

  it("SUP-2: a long plan is still not a reason unless the social worker says the harm remains (the seed's default, not a limit)", () => {
    expect(submitAtSupportPanels({ children: [onChildProtectionPlanSince("2024-01-10" as LocalDate)] }).state()!.criteria).toEqual([])
  })

  test.prop([fc.integer({ min: -800, max: 400 })], { numRuns: 80 })(
    "property: the SUP-2 criterion holds exactly when the plan started more than 18 months (to the day) before submission",
    (daysAfterAnniversary) => {
      const anniversary = "2025-12-01" as LocalDate
      const planStarted = addDays(anniversary, -daysAfterAnniversary)
      const outcome = submitAtSupportPanels({ children: [onChildProtectionPlanSince(planStarted)], presentationReasons: ["long_child_protection_plan"] })
      // Started before Mon 1 Dec 2025, the date 18 months before submission: more than 18 months. On it: exactly 18.
      if (daysAfterAnniversary > 0) expect(outcome.state()!.criteria.map((criterion) => criterion.reason)).toEqual(["long_child_protection_plan"])
      else expect(outcome.refusal()._tag).toBe("IncompleteRequest")
    }
  )
})

describe("criteria from facts: requests submitted before facts were recorded still replay", () => {
  it("a stored submission with a ticked SUP-3 reason and no explanation decodes and keeps its must criterion", () => {
    const stored = {
      _tag: "ReferralSubmitted",
      criteria: [{ ruleId: "SUP-3", reason: "parental_convictions", level: "must", description: "A parent or caregiver has criminal convictions" }],
      approvalsNeeded: [{ role: "team_manager", ruleId: "SUP-4" }],
      by: { personId: "priya-ashdown", name: "Priya Ashdown", role: "social_worker" },
      at: "2026-11-02T09:00:00.000Z"
    }
    const history = support.draft({ presentationReasons: ["parental_convictions"] }, supportPapers)
    const event = Schema.decodeUnknownSync(ReferralEvent)(stored)
    const state = [...history, event].reduce(evolveReferral, undefined)!
    expect(state.status).toBe("awaiting_approval")
    expect(state.criteria).toEqual([{ ruleId: "SUP-3", reason: "parental_convictions", level: "must", description: "A parent or caregiver has criminal convictions" }])
  })
})
