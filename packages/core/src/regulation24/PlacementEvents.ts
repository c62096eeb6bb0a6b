import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, ChildId, PlacementId } from "../shared/ids.js"
import { BasicTestAnswers, ConnectedCarer, EndReason, ExtensionConditions, PoliceProtectionOutcome } from "./Placement.js"

/** Every event names who caused it and when: the log is the audit trail. */
const audit = { by: ActedBy, at: Schema.DateTimeUtc }

/** LIN-14: the three answers and what they mean; the first event of every placement. */
export const BasicTestRecorded = Schema.TaggedStruct("BasicTestRecorded", {
  placementId: PlacementId,
  authorityId: AuthorityId,
  childId: ChildId,
  answers: BasicTestAnswers,
  isRegulation24: Schema.Boolean,
  ...audit
})
/** LIN-15; `since` is when police protection began (STAT-S46). */
export const PolicePowersRecorded = Schema.TaggedStruct("PolicePowersRecorded", {
  underPoliceProtection: Schema.Boolean,
  since: Schema.optional(Schema.DateTimeUtc),
  ...audit
})
/** STAT-S46: police protection ended at `endedAt` by `outcome`; the only event that meets its 72-hour clock. */
export const PoliceProtectionEnded = Schema.TaggedStruct("PoliceProtectionEnded", {
  outcome: PoliceProtectionOutcome,
  endedAt: Schema.DateTimeUtc,
  ...audit
})
/** The child is placed with the carers, who are temporarily approved until `approvalExpiresAt` (STAT-R24). */
export const PlacementMade = Schema.TaggedStruct("PlacementMade", {
  placedAt: Schema.DateTimeUtc,
  carers: Schema.NonEmptyArray(ConnectedCarer),
  approvalExpiresAt: Schema.DateTimeUtc,
  ...audit
})
export const ViabilityAssessmentRecorded = Schema.TaggedStruct("ViabilityAssessmentRecorded", {
  late: Schema.Boolean,
  ...audit
})
export const PlacementAuthorised = Schema.TaggedStruct("PlacementAuthorised", audit)
/** Sent with the carers' signed BACS form (LIN-18): the decider refuses it otherwise. */
export const KinshipReferralSent = Schema.TaggedStruct("KinshipReferralSent", { late: Schema.Boolean, ...audit })
export const LookedAfterConsentGiven = Schema.TaggedStruct("LookedAfterConsentGiven", audit)
export const S20ConsentSigned = Schema.TaggedStruct("S20ConsentSigned", {
  signedBy: Schema.NonEmptyArray(Schema.String),
  ...audit
})
/** STAT-R25-1: the one extension, from `from` (the original expiry) to `expiresAt`. */
export const ApprovalExtended = Schema.TaggedStruct("ApprovalExtended", {
  weeks: Schema.Int,
  from: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc,
  conditions: ExtensionConditions,
  ...audit
})
/** STAT-R25-2: the full assessment ended in refusal and an independent review is sought. */
export const ApprovalExtendedPendingReview = Schema.TaggedStruct("ApprovalExtendedPendingReview", audit)
export const PlacementEnded = Schema.TaggedStruct("PlacementEnded", { reason: EndReason, ...audit })

export const PlacementEvent = Schema.Union(
  BasicTestRecorded,
  PolicePowersRecorded,
  PoliceProtectionEnded,
  PlacementMade,
  ViabilityAssessmentRecorded,
  PlacementAuthorised,
  KinshipReferralSent,
  LookedAfterConsentGiven,
  S20ConsentSigned,
  ApprovalExtended,
  ApprovalExtendedPendingReview,
  PlacementEnded
)
export type PlacementEvent = typeof PlacementEvent.Type
