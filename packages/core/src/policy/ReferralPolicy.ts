import { Schema } from "effect"
import { Role } from "../shared/roles.js"
import { Condition } from "./Condition.js"
import { CriterionFacts } from "./CriterionFacts.js"
import { DocumentKind } from "./DocumentKind.js"
import { InputFrom } from "./InputFrom.js"
import { RequestType } from "./RequestType.js"
import { RequiredField } from "./RequiredField.js"
import { RuledClock } from "./RuledClock.js"
import { RuleId } from "./rules.js"

/** Why a case comes to panel (SUP-2, SUP-3, LIN-2, NSO-6); the social worker ticks the reasons that apply. */
export const PresentationReason = Schema.Literal(
  "complex_needs",
  "resources_not_found",
  "high_risk",
  "cusp_of_proceedings",
  "long_child_protection_plan",
  "cusp_of_custody",
  "parental_convictions",
  "previous_care_proceedings",
  "accommodation_considered",
  "disabled_child_high_cost_package",
  "edge_of_care_support",
  "plan_not_progressing"
)
export type PresentationReason = typeof PresentationReason.Type

export const Criterion = Schema.Struct({
  ruleId: RuleId,
  reason: PresentationReason,
  /** "must": the case goes to panel (automatic progression, SUP-3); "should": presented when it applies. */
  level: Schema.Literal("must", "should"),
  description: Schema.String,
  /**
   * Policy: the facts on the form that make this criterion true. The core works it out from them; a tick alone
   * does not make it true (issue 13, item 9).
   */
  fromFacts: Schema.optional(CriterionFacts),
  /**
   * Policy: the part of a fact-based criterion the facts cannot show ("the harm remains"). The social worker
   * ticks the reason to say it holds; without the tick the facts alone do not bring it.
   */
  judgement: Schema.optional(Schema.String),
  /** Recorded: the rule and the arithmetic on the recorded facts ("NSO-6: expenditure GBP 1,500.00 a year is over ..."). */
  explanation: Schema.optional(Schema.String)
})
export type Criterion = typeof Criterion.Type

export const ScopeExclusion = Schema.Struct({
  ruleId: RuleId,
  when: Condition,
  description: Schema.String,
  /** "redirect": refused here, sent to another panel; "optional": need not be presented, but may be. */
  effect: Schema.Literal("redirect", "optional"),
  redirectTo: Schema.optional(Schema.String)
})
export type ScopeExclusion = typeof ScopeExclusion.Type

export const RequiredDocument = Schema.Struct({
  ruleId: RuleId,
  kind: DocumentKind,
  /** Only for these request types; every request when absent. */
  forRequestTypes: Schema.optional(Schema.Array(RequestType))
})
export type RequiredDocument = typeof RequiredDocument.Type

/** Sections of the request form an authority insists on before submission (KNO-6, NSO-5, LIN-3, CPR-4). */
export const FormSection = Schema.Literal(
  "reason",
  "request",
  "case_summary",
  "worries",
  "working_well",
  "needs_to_change",
  "proposed_plan",
  "expected_outcome",
  "duration_and_exit",
  "work_already_done",
  "education",
  "team_manager_consultation"
)
export type FormSection = typeof FormSection.Type

export const ReferralPolicy = Schema.Struct({
  /** When a request must reach the administrator for a sitting (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3). */
  submissionDeadline: RuledClock,
  /** Who may let a late request onto the agenda (CPR-4); empty: late requests wait for the next sitting. */
  latePermission: Schema.Struct({ ruleId: RuleId, roles: Schema.Array(Role) }),
  /** KNO-4: the social worker discussed the family with their team manager first, and recorded it. */
  teamManagerConsultationRequired: Schema.optional(RuleId),
  /** Sign-offs in order before a request is ready (SUP-4, NSO-2, LIN-3). */
  approvals: Schema.Array(
    Schema.Struct({
      ruleId: RuleId,
      role: Role,
      /** Only for these request types; every request when absent. */
      forRequestTypes: Schema.optional(Schema.Array(RequestType))
    })
  ),
  requiredSections: Schema.Array(FormSection),
  requiredDocuments: Schema.Array(RequiredDocument),
  /** Fields the authority requires before submission, per child where the form asks them of each child. */
  requiredFields: Schema.optionalWith(Schema.Array(RequiredField), { default: () => [] }),
  criteria: Schema.Array(Criterion),
  /**
   * SUP-3: a request with a "must" criterion under this rule goes to the next sitting by itself. Withdrawing it
   * takes a manager's recorded reason (`withdrawal`: DEF-PROGRESSION-WITHDRAWAL, not in the terms of reference).
   */
  automaticProgression: Schema.optional(
    Schema.Struct({ ruleId: RuleId, withdrawal: Schema.Struct({ ruleId: RuleId, roles: Schema.NonEmptyArray(Role) }) })
  ),
  inScope: Schema.Struct({ ruleId: RuleId, requestTypes: Schema.Array(RequestType) }),
  /** CPR-4: whose input the request records before it is submitted (the IRO, the Head of Service). */
  seniorInput: Schema.optional(Schema.Struct({ ruleId: RuleId, from: Schema.NonEmptyArray(InputFrom) })),
  exclusions: Schema.Array(ScopeExclusion),
  /** NSO-6: expenditure over these amounts a year must come to panel. */
  expenditureThreshold: Schema.optional(
    Schema.Struct({
      ruleId: RuleId,
      annualPence: Schema.Int.pipe(Schema.nonNegative()),
      disabledChildAnnualPence: Schema.Int.pipe(Schema.nonNegative())
    })
  )
})
export type ReferralPolicy = typeof ReferralPolicy.Type
