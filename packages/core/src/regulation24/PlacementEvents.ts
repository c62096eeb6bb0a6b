import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { ChildWishes, ParentalConsent } from "../s20/S20Consent.js"
import { AuthorityId, ChildId, PlacementId } from "../shared/ids.js"
import { FirstReviewRecorded, PlacementPlanRecorded, VisitRecorded } from "../visits/VisitEvents.js"
import { BasicTestAnswers, ConnectedCarer, EndReason, ExtensionConditions, ExtensionGrounds, PoliceProtectionOutcome } from "./Placement.js"

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
/** STAT-S20-CONSENT: the child accommodated under s20 on these consents, with the child's wishes and feelings. */
export const S20AccommodationRecorded = Schema.TaggedStruct("S20AccommodationRecorded", {
  consents: Schema.NonEmptyArray(ParentalConsent),
  childWishes: ChildWishes,
  ...audit
})
/** s20(8): a person with parental responsibility withdrew consent; the s20 basis ends. */
/** s20(8): consent withdrawn at `withdrawnAt`; events written before it was recorded were withdrawn at their `at`. */
export const S20ConsentWithdrawn = Schema.TaggedStruct("S20ConsentWithdrawn", { withdrawnBy: Schema.String, withdrawnAt: Schema.optional(Schema.DateTimeUtc), ...audit })
/** STAT-R25-3: the placement reconsidered before an extension: whether it is still the most appropriate, and why. */
export const PlacementReconsidered = Schema.TaggedStruct("PlacementReconsidered", {
  stillMostAppropriate: Schema.Boolean,
  reasons: Schema.NonEmptyTrimmedString,
  ...audit
})
/** STAT-R25-3: the fostering panel's views sought before an extension. */
export const FosteringPanelViewsSought = Schema.TaggedStruct("FosteringPanelViewsSought", audit)
/** STAT-R25-3: the child's IRO, named, informed before an extension. */
export const IroInformed = Schema.TaggedStruct("IroInformed", { iroName: Schema.NonEmptyTrimmedString, ...audit })
/**
 * STAT-R25-1: the one extension, from `from` (the original expiry) to `expiresAt`, approved by the nominated officer
 * (`by`) on the recorded `grounds` (STAT-R25-3). Events written before the steps were recorded carry `conditions`.
 */
export const ApprovalExtended = Schema.TaggedStruct("ApprovalExtended", {
  weeks: Schema.Int,
  from: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc,
  conditions: Schema.optional(ExtensionConditions),
  grounds: Schema.optional(ExtensionGrounds),
  ...audit
})
/** STAT-R25-2: the full assessment ended in refusal and an independent review is sought; approved by the nominated officer. */
export const ApprovalExtendedPendingReview = Schema.TaggedStruct("ApprovalExtendedPendingReview", {
  grounds: Schema.optional(ExtensionGrounds),
  ...audit
})
/**
 * STAT-R25-2: the independent review's outcome became known at `knownAt`. Unless the carers were approved, the
 * approval extended pending it ends then (STAT-R25-4).
 */
export const IndependentReviewOutcomeRecorded = Schema.TaggedStruct("IndependentReviewOutcomeRecorded", {
  carersApproved: Schema.Boolean,
  knownAt: Schema.DateTimeUtc,
  ...audit
})
/** The child left the placement at `endedAt`; events written before it was recorded ended at their `at`. */
export const PlacementEnded = Schema.TaggedStruct("PlacementEnded", { reason: EndReason, endedAt: Schema.optional(Schema.DateTimeUtc), ...audit })

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
  S20AccommodationRecorded,
  S20ConsentWithdrawn,
  PlacementReconsidered,
  FosteringPanelViewsSought,
  IroInformed,
  ApprovalExtended,
  ApprovalExtendedPendingReview,
  IndependentReviewOutcomeRecorded,
  PlacementEnded,
  VisitRecorded,
  PlacementPlanRecorded,
  FirstReviewRecorded
)
export type PlacementEvent = typeof PlacementEvent.Type
