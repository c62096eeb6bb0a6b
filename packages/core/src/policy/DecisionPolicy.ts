import { Schema } from "effect"
import { Recipient } from "../ports/Notification.js"
import { PersonId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"
import { ChairIndependence } from "./LineManagement.js"
import { RequestType } from "./RequestType.js"
import { RuledClock } from "./RuledClock.js"
import { RuleId } from "./rules.js"

/**
 * One sign-off a decision waits for: by a holder of any of these roles. `bySittingChair`: only by the person who
 * chaired the sitting (the chair, or the deputy recorded as chairing: whoever found it quorate), whatever roles
 * others hold (NSO-8 "signed by the panel chair", CPR-11, DEF-CHAIR-SIGNS).
 */
export const SignOffStep = Schema.Struct({
  ruleId: RuleId,
  roles: Schema.NonEmptyArray(Role),
  bySittingChair: Schema.optional(Schema.Boolean)
})
export type SignOffStep = typeof SignOffStep.Type

/**
 * CPR-6: once a decision finding that joint or tripartite funding with SEN and/or health fits is final, the panel
 * administrator emails the Complex Needs Panel referral template to the social worker (`templateToSocialWorker`: by
 * when; the seed sets no time, so the preset cites DEF-CNP-TEMPLATE-2WD) and the Complex Needs Panel's administrator
 * (`notify`) is told the child's name and case number.
 */
export const ComplexNeedsReferralPolicy = Schema.Struct({
  ruleId: RuleId,
  templateToSocialWorker: RuledClock,
  notify: Recipient
})
export type ComplexNeedsReferralPolicy = typeof ComplexNeedsReferralPolicy.Type

/** After the panel decides: who signs, when reviews come back, and the clocks on actions. */
export const DecisionPolicy = Schema.Struct({
  /** Who signs a decision off, in order (CPR-8 the chair or vice chair; NSO-8 the chair signs, the Assistant Director finalises). */
  signOff: Schema.Array(SignOffStep),
  /**
   * The rule under which the record sets due dates for actions and dates to return to panel (CPR-10, LIN-5); absent:
   * DEF-RECORD-TIMESCALES, since a date the panel recorded is still a date someone must meet.
   */
  timescalesRuleId: Schema.optional(RuleId),
  /**
   * The rule a date to return to panel is diarised under where it is not the timescales' (CPR-10: the record holds the
   * "dates for review" but gives actions no dates); absent: the return rule (LIN-7), else the timescales' rule.
   */
  reviewRuleId: Schema.optional(RuleId),
  /** CPR-10: a decision at panel records the highlights of the presentation and discussion. */
  highlightsRuleId: Schema.optional(RuleId),
  /** Minutes in Signs of Safety form (LIN-5). */
  signsOfSafetyMinutes: Schema.optional(RuleId),
  /** Reviews brought back automatically, e.g. NSO-9 pre-proceedings at 8-10 weeks. */
  automaticReviews: Schema.Array(
    Schema.Struct({
      ruleId: RuleId,
      forRequestTypes: Schema.Array(RequestType),
      earliest: RuledClock,
      latest: RuledClock
    })
  ),
  /** LIN-6: the team manager's "Support Panel Actions" case note. */
  actionsCaseNote: Schema.optional(RuledClock),
  /** LIN-9: an FGC referral not received escalates at these clocks, to these roles. */
  fgcReferralEscalations: Schema.Array(Schema.Struct({ clock: RuledClock, escalateTo: Role })),
  /** LIN-8: who approves alternative action when circumstances change. */
  changeOfCircumstancesApprover: Schema.optional(Schema.Struct({ ruleId: RuleId, role: Role })),
  /** LIN-7: a case asked to return may instead be closed by a case note when progress makes return unnecessary. */
  returnWaivableByCaseNote: Schema.optional(RuleId),
  /** LIN-1: no decision is recorded at a sitting whose chair is in the case's line management. */
  chairIndependence: Schema.optional(ChairIndependence),
  /** CPR-6: shared funding with SEN and/or health, recorded on a decision, starts the Complex Needs Panel referral. */
  complexNeedsReferral: Schema.optional(ComplexNeedsReferralPolicy)
})
export type DecisionPolicy = typeof DecisionPolicy.Type

export const timescalesRuleOf = (decision: DecisionPolicy): RuleId => decision.timescalesRuleId ?? "DEF-RECORD-TIMESCALES"

/** The rule a return to panel is diarised under: the review rule, else the return rule (LIN-7), else the timescales'. */
export const reviewRuleOf = (decision: DecisionPolicy): RuleId =>
  decision.reviewRuleId ?? decision.returnWaivableByCaseNote ?? timescalesRuleOf(decision)

/**
 * A request type the rule lets be agreed outside panel only in one narrow case (LIN-11: expenditure only as tripartite
 * funding for a disabled child in a 38-week educational placement). Carepanel cannot tell that case from the request,
 * so whoever records the agreement confirms it (`confirmsCase`), and the record keeps `onlyAs` as confirmed.
 * `forADisabledChild`: the case is for a disabled child, so it is not confirmed on a request that records no child as
 * disabled (the record would say "for a disabled child" against the request's own facts).
 */
export const CaseToConfirm = Schema.Struct({
  forRequestTypes: Schema.NonEmptyArray(RequestType),
  onlyAs: Schema.NonEmptyTrimmedString,
  forADisabledChild: Schema.optional(Schema.Boolean)
})
export type CaseToConfirm = typeof CaseToConfirm.Type

const outsidePanelFields = {
  ruleId: RuleId,
  /**
   * Agreements needed, by request type: every entry that applies needs one agreement from a holder of
   * one of its roles (NSO-10: Head of Service and Assistant Director). Absent `forRequestTypes`: every type.
   */
  approvers: Schema.Array(
    Schema.Struct({ anyOf: Schema.NonEmptyArray(Role), forRequestTypes: Schema.optional(Schema.Array(RequestType)) })
  ),
  /**
   * Request types `approvers` agree outside panel only in the case named (LIN-11): without the case confirmed the
   * agreement is refused, saying the case and how to confirm it; a type no approver names is not agreed at all.
   * One case per request type, so a confirmation confirms exactly the cases the refusal named.
   */
  onlyInCasesConfirmed: Schema.optional(Schema.Array(CaseToConfirm)),
  /**
   * The rule saying what an agreement outside panel records (why it could not wait, its timescales, the actions
   * expected with theirs), cited by the refusal of one without them and by its actions' clocks: LIN-11 where the
   * procedure says so; absent, DEF-OUTSIDE-PANEL-RECORD (NSO-10, SUP-7, KNO-5 are silent on it).
   */
  recordRuleId: Schema.optional(RuleId),
  /** NSO-10, KNO-5: book a slot on the next sitting to present it retrospectively. LIN-11: not needed. */
  retrospectivePresentation: Schema.Boolean,
  /** The rule the retrospective presentation cites where it differs from `ruleId` (DEF-RETROSPECTIVE-SLOT). */
  retrospectiveRuleId: Schema.optional(RuleId),
  /**
   * KNO-5: a Legal Planning Meeting agreed outside panel is the emergency route. It records when the LPM is held,
   * and the child is presented at the first sitting after the LPM, not after the agreement.
   */
  emergencyLpmRuleId: Schema.optional(RuleId),
  /** LIN-12: the tasks due after section 20 accommodation agreed outside panel. */
  s20Tasks: Schema.optional(Schema.Struct({ clock: RuledClock }))
}

/** The rule an agreement outside panel's record and its actions' dates cite (`recordRuleId`). */
export const outsidePanelRecordRuleOf = (outside: { readonly recordRuleId?: RuleId | undefined }): RuleId => outside.recordRuleId ?? "DEF-OUTSIDE-PANEL-RECORD"

const oneCasePerType = (cases: ReadonlyArray<CaseToConfirm> | undefined) => {
  const types = (cases ?? []).flatMap((entry) => entry.forRequestTypes)
  const twice = types.find((type, i) => types.indexOf(type) !== i)
  return twice === undefined || `A request type has one case it is agreed outside panel only as: "${twice}" is named twice in onlyInCasesConfirmed.`
}

/**
 * Urgent agreement outside panel (SUP-7, NSO-10, LIN-11, LIN-12, KNO-5). A file written before cases could be
 * confirmed names them `onlyInCasesNotRecorded`: read as `onlyInCasesConfirmed` (its approvers named no one for
 * those types, so they stay unagreed outside panel, confirmed or not, until the file names who agrees them).
 */
export const OutsidePanelPolicy = Schema.transform(
  Schema.Struct({ ...outsidePanelFields, onlyInCasesNotRecorded: Schema.optional(Schema.Array(CaseToConfirm)) }),
  Schema.typeSchema(Schema.Struct(outsidePanelFields)).pipe(Schema.filter((policy) => oneCasePerType(policy.onlyInCasesConfirmed))),
  {
    strict: true,
    decode: ({ onlyInCasesNotRecorded, ...policy }) => {
      // A file extending a preset gets both keys: the preset's case for a type stands over the file's older one.
      const confirmed = policy.onlyInCasesConfirmed ?? []
      const older = (onlyInCasesNotRecorded ?? []).filter((entry) => !entry.forRequestTypes.some((type) => confirmed.some((named) => named.forRequestTypes.includes(type))))
      return older.length === 0 ? policy : { ...policy, onlyInCasesConfirmed: [...confirmed, ...older] }
    },
    encode: (policy) => policy
  }
)
export type OutsidePanelPolicy = typeof OutsidePanelPolicy.Type

/** How a disagreement travels (SUP-8, LIN-13) and how long it may take. */
export const DisagreementPolicy = Schema.Struct({
  ruleId: RuleId,
  route: Schema.Literal("member_manager_then_assistant_director", "chair_with_assistant_director"),
  /** How long the escalation may take before it is overdue. Not in any seed: set by the authority. */
  resolveWithin: RuledClock,
  /**
   * SUP-8 / LIN-13: the areas of disagreement are noted at panel; by when, from the dissent being recorded. Not in
   * any seed; without it, 17:00 the next working day (`disagreement/disagreementClocks.ts` says why).
   */
  noteAreasWithin: Schema.optional(RuledClock),
  /** The rule a member's formal dissent is recorded under (CPR-7, SUP-8, LIN-13); absent: DEF-DISSENT. */
  dissentRuleId: Schema.optional(RuleId)
})
export type DisagreementPolicy = typeof DisagreementPolicy.Type

export const dissentRuleOf = (disagreement: DisagreementPolicy): RuleId => disagreement.dissentRuleId ?? "DEF-DISSENT"

/**
 * STAT-R25-3's nominated officer: named people and/or named posts in the authority's policy. Whoever holds
 * a named post, or is a named person, approves extensions (STAT-R25-1, STAT-R25-2) and is told when police
 * protection nears its end (STAT-S46) or an approval expires (STAT-R25-4). `ruleId` cites who chose them.
 */
export const NominatedOfficer = Schema.Struct({
  ruleId: RuleId,
  people: Schema.optionalWith(Schema.Array(Schema.Struct({ personId: PersonId, name: Schema.NonEmptyTrimmedString })), { default: () => [] }),
  posts: Schema.optionalWith(Schema.Array(Role), { default: () => [] })
}).pipe(Schema.filter((officer) => officer.people.length + officer.posts.length > 0 || "A nominated officer names at least one person or post."))
export type NominatedOfficer = typeof NominatedOfficer.Type

/** Connected-person placements (LIN-14..18, STAT-R24, STAT-R25-1). */
/**
 * The rule each step of a connected-person placement cites: Lincolnshire's procedure names them (LIN-14..LIN-18);
 * elsewhere Carepanel runs the same steps as its default, DEF-R24-PROCEDURE.
 */
export const PlacementSteps = Schema.Struct({
  /** The basic test, the Assistant Director's consent to looked-after status and carers' s20 consent (LIN-14). */
  basicTest: RuleId,
  /** Acting at once when the child is under police protection (LIN-15). */
  policeProtection: RuleId,
  /** The viability assessment (LIN-16). */
  viabilityAssessment: RuleId,
  /** The locality service manager's authorisation on the viability assessment (LIN-17). */
  authorisation: RuleId,
  /** The referral to the kinship team with the carers' signed BACS form (LIN-18). */
  kinshipReferral: RuleId
})
export type PlacementStep = keyof typeof PlacementSteps.Type

export const Regulation24Policy = Schema.Struct({
  /** What each step cites; absent: DEF-R24-PROCEDURE for every step. */
  steps: Schema.optional(PlacementSteps),
  /** Local clocks (LIN-16, LIN-18); an authority without them runs only the national ones. */
  viabilityAssessment: Schema.optional(RuledClock),
  kinshipReferral: Schema.optional(RuledClock),
  /**
   * LIN-14: by when the Assistant Director consents to looked-after status, from a basic test that says Regulation 24.
   * The seed sets no time: Lincolnshire's is DEF-R24-CONSENT-NEXT-WD.
   */
  lookedAfterConsent: Schema.optional(RuledClock),
  temporaryApproval: RuledClock,
  extension: RuledClock,
  /** Warn this many days before temporary approval (or its extension) ends (DEF-R24-EXPIRY-WARNING). */
  warnDaysBeforeExpiry: Schema.Int.pipe(Schema.between(1, 56)),
  /** Without one, no extension can be approved: the refusal says the policy must name one (STAT-R25-3). */
  nominatedOfficer: Schema.optional(NominatedOfficer)
})
export type Regulation24Policy = typeof Regulation24Policy.Type
