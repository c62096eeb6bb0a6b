import { Schema } from "effect"
import { SignOffStep } from "../policy/DecisionPolicy.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { ActionId, AuthorityId, DecisionId, SittingId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"
import { DecisionContent, LaterHearing, SharedFunding, SittingChair, Subject } from "./DecisionParts.js"

const audit = { by: ActedBy, at: Schema.DateTimeUtc }

export const S20Task = Schema.Literal("supervision", "parents_letter", "fgc_referral", "early_help_referral")
export type S20Task = typeof S20Task.Type

/** A sign-off step as stored; events and documents written before a step could take several roles named one `role`. */
export const StoredSignOffStep = Schema.Union(
  SignOffStep,
  // The rule id is checked once, by SignOffStep.
  Schema.transform(Schema.Struct({ ruleId: Schema.String, role: Role }), SignOffStep, {
    strict: true,
    decode: ({ ruleId, role }) => ({ ruleId, roles: [role] as const }),
    encode: ({ ruleId, roles }) => ({ ruleId, role: roles[0] })
  })
)

export const DecisionRecorded = Schema.TaggedStruct("DecisionRecorded", {
  decisionId: DecisionId,
  authorityId: AuthorityId,
  subject: Subject,
  sittingId: SittingId,
  /** Clocks after the decision (reviews, actions case note, FGC escalation) run from the sitting's end. */
  heardAt: Schema.DateTimeUtc,
  content: DecisionContent,
  signOffsNeeded: Schema.Array(StoredSignOffStep),
  /** Who chaired the sitting; absent on decisions recorded before it was kept. */
  chair: Schema.optional(SittingChair),
  ...audit
})

export const OutsidePanelAgreementRecorded = Schema.TaggedStruct("OutsidePanelAgreementRecorded", {
  decisionId: DecisionId,
  authorityId: AuthorityId,
  subject: Subject,
  ruleId: RuleId,
  content: DecisionContent,
  /** Why it could not wait for panel, and the timescales of the agreement (LIN-11). */
  whyOutsidePanel: Schema.NonEmptyTrimmedString,
  timescales: Schema.NonEmptyTrimmedString,
  /** When the child was placed, for the LIN-12 48-hour tasks. */
  placedAt: Schema.optional(Schema.DateTimeUtc),
  /** When the emergency Legal Planning Meeting is held (KNO-5): the retrospective presentation follows it. */
  lpmAt: Schema.optional(Schema.DateTimeUtc),
  /** The narrow cases its types are agreed outside panel only as, as the person recording it confirmed them (LIN-11). */
  confirmedCases: Schema.optional(Schema.NonEmptyArray(Schema.NonEmptyTrimmedString)),
  agreementsNeeded: Schema.Array(Schema.Struct({ anyOf: Schema.NonEmptyArray(Role) })),
  retrospectivePresentation: Schema.Boolean,
  ...audit
})

export const DecisionEdited = Schema.TaggedStruct("DecisionEdited", { content: DecisionContent, ...audit })
/** Who a sign-off was given for, when the person who chaired could not give it, and why (DEF-CHAIR-SIGNS). */
export const ForTheChair = Schema.Struct({ chair: SittingChair, because: Schema.NonEmptyTrimmedString })
export const DecisionSignedOff = Schema.TaggedStruct("DecisionSignedOff", { role: Role, ruleId: RuleId, forTheChair: Schema.optional(ForTheChair), ...audit })
export const OutsidePanelAgreed = Schema.TaggedStruct("OutsidePanelAgreed", { role: Role, ...audit })
/** NSO-10: an agreement the proposal waited for was refused, with why: the proposal lapses (`lapsed`), `not_agreed`. */
export const OutsidePanelAgreementRefused = Schema.TaggedStruct("OutsidePanelAgreementRefused", { role: Role, reason: Schema.NonEmptyTrimmedString, ...audit })
export const DecisionAmended = Schema.TaggedStruct("DecisionAmended", {
  content: DecisionContent,
  whatChanged: Schema.NonEmptyTrimmedString,
  why: Schema.NonEmptyTrimmedString,
  /** The chair, vice chair or Assistant Director who approved it: the person who recorded it. */
  approvedBy: ActedBy,
  ...audit
})
export const ActionCompleted = Schema.TaggedStruct("ActionCompleted", { actionId: ActionId, evidence: Schema.NonEmptyTrimmedString, ...audit })
export const ActionOutstanding = Schema.TaggedStruct("ActionOutstanding", { actionId: ActionId, reason: Schema.NonEmptyTrimmedString, ...audit })
export const ActionsCaseNoteRecorded = Schema.TaggedStruct("ActionsCaseNoteRecorded", { note: Schema.NonEmptyTrimmedString, ...audit })
export const FgcReferralReceived = Schema.TaggedStruct("FgcReferralReceived", { actionId: ActionId, ...audit })
export const ChangeOfCircumstancesApproved = Schema.TaggedStruct("ChangeOfCircumstancesApproved", {
  circumstances: Schema.NonEmptyTrimmedString,
  alternativeAction: Schema.NonEmptyTrimmedString,
  /** The actions it takes the place of; absent when it replaces none (and on approvals recorded before this). */
  replaces: Schema.optional(Schema.Array(ActionId)),
  ...audit
})
export const ReturnWaived = Schema.TaggedStruct("ReturnWaived", { caseNote: Schema.NonEmptyTrimmedString, ...audit })
export const S20TaskDone = Schema.TaggedStruct("S20TaskDone", { task: S20Task, note: Schema.NonEmptyTrimmedString, ...audit })
/** CPR-6: the decision is final with shared funding on it: the Complex Needs Panel referral starts. */
export const ComplexNeedsReferralStarted = Schema.TaggedStruct("ComplexNeedsReferralStarted", { ruleId: RuleId, sharedFunding: SharedFunding, ...audit })
/** CPR-6: the administrator emailed the Complex Needs Panel referral template to the social worker. */
export const ComplexNeedsTemplateSent = Schema.TaggedStruct("ComplexNeedsTemplateSent", { note: Schema.NonEmptyTrimmedString, ...audit })

/** A later decision on the same request was recorded: the hearing it was (see `laterHearings.ts`). */
export const LaterHearingNoted = Schema.TaggedStruct("LaterHearingNoted", { hearing: LaterHearing, ...audit })

/** How a child's pre-proceedings came to an end (STAT-PLO): stepped down (ended), or care proceedings issued. */
export const PreProceedingsOverHow = Schema.Literal("ended", "issued")
export type PreProceedingsOverHow = typeof PreProceedingsOverHow.Type

/** The child's record shows the pre-proceedings over at `overAt`: nothing is left for an NSO-9 review to review. */
export const PreProceedingsOverNoted = Schema.TaggedStruct("PreProceedingsOverNoted", { overAt: Schema.DateTimeUtc, how: PreProceedingsOverHow, ...audit })

export const DecisionEvent = Schema.Union(
  DecisionRecorded,
  OutsidePanelAgreementRecorded,
  DecisionEdited,
  DecisionSignedOff,
  OutsidePanelAgreed,
  OutsidePanelAgreementRefused,
  DecisionAmended,
  ActionCompleted,
  ActionOutstanding,
  ActionsCaseNoteRecorded,
  FgcReferralReceived,
  ChangeOfCircumstancesApproved,
  ReturnWaived,
  S20TaskDone,
  ComplexNeedsReferralStarted,
  ComplexNeedsTemplateSent,
  LaterHearingNoted,
  PreProceedingsOverNoted
)
export type DecisionEvent = typeof DecisionEvent.Type
