import { Schema } from "effect"
import type { NoSuchRecord } from "../shared/errors.js"
import { RuleId } from "../policy/rules.js"
import type { VisitRefusal } from "../visits/VisitErrors.js"


export class PlacementAlreadyExists extends Schema.TaggedError<PlacementAlreadyExists>()("PlacementAlreadyExists", {
  placementId: Schema.String,
  message: Schema.String
}) {}

/** The command does not fit where the placement is now (e.g. anything after an all-no basic test, LIN-14). */
export class PlacementNotInStatus extends Schema.TaggedError<PlacementNotInStatus>()("PlacementNotInStatus", {
  status: Schema.String,
  message: Schema.String
}) {}

/** A step recorded once (an authorisation, a consent, a referral) is recorded again. */
export class AlreadyRecorded extends Schema.TaggedError<AlreadyRecorded>()("AlreadyRecorded", {
  what: Schema.String,
  message: Schema.String
}) {}

/** An instant given for something that has happened is later than now. */
export class NotYetHappened extends Schema.TaggedError<NotYetHappened>()("NotYetHappened", { message: Schema.String }) {}

/** LIN-17: the service manager authorises on the viability assessment, so it must be there first. */
export class ViabilityAssessmentNeeded extends Schema.TaggedError<ViabilityAssessmentNeeded>()("ViabilityAssessmentNeeded", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** LIN-18: what the kinship team must receive, and what is not there yet. */
export class KinshipReferralIncomplete extends Schema.TaggedError<KinshipReferralIncomplete>()("KinshipReferralIncomplete", {
  missing: Schema.Array(Schema.Struct({ item: Schema.String, ruleId: RuleId })),
  message: Schema.String
}) {}

/** LIN-14: s20 consent is signed by carers who hold parental responsibility. */
export class S20ConsentNeedsParentalResponsibility extends Schema.TaggedError<S20ConsentNeedsParentalResponsibility>()(
  "S20ConsentNeedsParentalResponsibility",
  { ruleId: RuleId, notEligible: Schema.Array(Schema.String), message: Schema.String }
) {}

/** STAT-S46: an outcome of police protection for a child who is not (or no longer) under it, or one not yet possible. */
export class PoliceProtectionOutcomeRefused extends Schema.TaggedError<PoliceProtectionOutcomeRefused>()("PoliceProtectionOutcomeRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** STAT-S20-CONSENT: what an s20 accommodation lacks (each consent in full, the child's wishes), or a withdrawal without one. */
export class S20ConsentIncomplete extends Schema.TaggedError<S20ConsentIncomplete>()("S20ConsentIncomplete", {
  ruleId: RuleId,
  missing: Schema.Array(Schema.String),
  message: Schema.String
}) {}

/** STAT-R25-1 (one extension only) or STAT-R25-2 (already running until a review's outcome). */
export class AlreadyExtended extends Schema.TaggedError<AlreadyExtended>()("AlreadyExtended", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** STAT-R25-1: an extension is a whole number of weeks, at most 8 (or the authority's shorter limit). */
export class InvalidExtension extends Schema.TaggedError<InvalidExtension>()("InvalidExtension", {
  ruleId: RuleId,
  maxWeeks: Schema.Number,
  message: Schema.String
}) {}

/** STAT-R25-2: a review's outcome recorded where the approval was not extended pending one, or twice. */
export class NoReviewPending extends Schema.TaggedError<NoReviewPending>()("NoReviewPending", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** STAT-R25-4: the approval has run out; it cannot be extended, the placement must end. */
export class ApprovalExpired extends Schema.TaggedError<ApprovalExpired>()("ApprovalExpired", {
  ruleId: RuleId,
  expiredAt: Schema.String,
  message: Schema.String
}) {}

/** STAT-R25-3 (or STAT-R25-2): what must be done before extending, and is not. */
export class ExtensionConditionsNotMet extends Schema.TaggedError<ExtensionConditionsNotMet>()("ExtensionConditionsNotMet", {
  ruleId: RuleId,
  missing: Schema.Array(Schema.String),
  message: Schema.String
}) {}

/** STAT-R25-3: only the authority's nominated officer, as its policy names them, approves an extension. */
export class NotNominatedOfficer extends Schema.TaggedError<NotNominatedOfficer>()("NotNominatedOfficer", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** A step of STAT-R25-3 given without what it records (reasons, the IRO's name). */
export class InvalidExtensionStep extends Schema.TaggedError<InvalidExtensionStep>()("InvalidExtensionStep", {
  ruleId: RuleId,
  field: Schema.String,
  message: Schema.String
}) {}

/** The reason given for the ending does not fit the placement (e.g. "approval expired" before it has). */
export class EndReasonNotApplicable extends Schema.TaggedError<EndReasonNotApplicable>()("EndReasonNotApplicable", {
  ruleId: Schema.optional(RuleId),
  message: Schema.String
}) {}

/** The end given for a placement falls before a step recorded on it (a visit, the plan, an extension...). */
export class PlacementEndRefused extends Schema.TaggedError<PlacementEndRefused>()("PlacementEndRefused", {
  stepsAfter: Schema.Array(Schema.String),
  message: Schema.String
}) {}

export type PlacementRefusal =
  | NoSuchRecord
  | PlacementAlreadyExists
  | PlacementNotInStatus
  | AlreadyRecorded
  | NotYetHappened
  | ViabilityAssessmentNeeded
  | KinshipReferralIncomplete
  | S20ConsentNeedsParentalResponsibility
  | PoliceProtectionOutcomeRefused
  | S20ConsentIncomplete
  | AlreadyExtended
  | InvalidExtension
  | ApprovalExpired
  | NoReviewPending
  | ExtensionConditionsNotMet
  | NotNominatedOfficer
  | InvalidExtensionStep
  | EndReasonNotApplicable
  | PlacementEndRefused
  | VisitRefusal
