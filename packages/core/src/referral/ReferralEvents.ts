import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import { DocumentKind } from "../policy/DocumentKind.js"
import { Criterion } from "../policy/ReferralPolicy.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { Outcome } from "../decision/DecisionParts.js"
import { AuthorityId, DecisionId, DocumentId, PanelId, ReferralId, SittingId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"
import { ReferralForm } from "./ReferralForm.js"

export const DocumentRef = Schema.Struct({
  documentId: DocumentId,
  kind: DocumentKind,
  title: Schema.NonEmptyTrimmedString
})
export type DocumentRef = typeof DocumentRef.Type

/** A rule under which the request need not be presented, though it may be (LIN-4). */
export const OptionalPresentation = Schema.Struct({ ruleId: RuleId, description: Schema.String })
export type OptionalPresentation = typeof OptionalPresentation.Type

/** Every event names who caused it and when: the log is the audit trail. */
const audit = { by: ActedBy, at: Schema.DateTimeUtc }

export const DraftCreated = Schema.TaggedStruct("DraftCreated", {
  referralId: ReferralId,
  authorityId: AuthorityId,
  form: ReferralForm,
  ...audit
})
export const DraftEdited = Schema.TaggedStruct("DraftEdited", { form: ReferralForm, ...audit })
export const DocumentRecorded = Schema.TaggedStruct("DocumentRecorded", { document: DocumentRef, ...audit })
export const ReferralSubmitted = Schema.TaggedStruct("ReferralSubmitted", {
  criteria: Schema.Array(Criterion),
  approvalsNeeded: Schema.Array(Schema.Struct({ role: Role, ruleId: RuleId })),
  presentationOptional: Schema.optionalWith(Schema.Array(OptionalPresentation), { default: () => [] }),
  ...audit
})
export const ReferralApproved = Schema.TaggedStruct("ReferralApproved", { role: Role, ruleId: RuleId, ...audit })
export const ReturnedForChanges = Schema.TaggedStruct("ReturnedForChanges", { reason: Schema.String, ...audit })
export const LatePermissionGranted = Schema.TaggedStruct("LatePermissionGranted", {
  sittingId: SittingId,
  /** The sitting's panel and date, so that its notice names it as staff do (absent from events stored before 7 December 2026). */
  sitting: Schema.optional(Schema.Struct({ panelId: PanelId, date: LocalDate })),
  reason: Schema.String,
  ...audit
})
export const AcceptedOntoSitting = Schema.TaggedStruct("AcceptedOntoSitting", {
  sittingId: SittingId,
  sittingDate: LocalDate,
  late: Schema.Boolean,
  ...audit
})
/** The sitting it was accepted onto was cancelled: ready again, for the next sitting of its panel. */
export const LeftCancelledSitting = Schema.TaggedStruct("LeftCancelledSitting", { sittingId: SittingId, sittingDate: LocalDate, ...audit })
export const ReferralWithdrawn = Schema.TaggedStruct("ReferralWithdrawn", { reason: Schema.String, ...audit })
/** Sent elsewhere, or closed as needing no presentation, under a rule of the policy (NSO-7, LIN-4). */
export const ReferralRedirected = Schema.TaggedStruct("ReferralRedirected", {
  /** Always set now; absent only on events recorded before redirections had to cite a rule. */
  ruleId: Schema.optional(RuleId),
  /** Absent when the rule only says the request need not be presented (LIN-4) and no other route was named. */
  redirectTo: Schema.optional(Schema.String),
  reason: Schema.String,
  ...audit
})

/** The panel (or an agreement outside it) decided on the request; a deferral returns it to "ready". */
export const ReferralHeard = Schema.TaggedStruct("ReferralHeard", {
  decisionId: DecisionId,
  sittingId: Schema.optional(SittingId),
  outcome: Outcome,
  ...audit
})

/** An amendment changed the outcome of a decision already heard; the latest hearing sets the request's status. */
export const HearingRevised = Schema.TaggedStruct("HearingRevised", {
  decisionId: DecisionId,
  outcome: Outcome,
  ...audit
})

export const ReferralEvent = Schema.Union(
  ReferralHeard,
  HearingRevised,
  DraftCreated,
  DraftEdited,
  DocumentRecorded,
  ReferralSubmitted,
  ReferralApproved,
  ReturnedForChanges,
  LatePermissionGranted,
  AcceptedOntoSitting,
  LeftCancelledSitting,
  ReferralWithdrawn,
  ReferralRedirected
)
export type ReferralEvent = typeof ReferralEvent.Type
