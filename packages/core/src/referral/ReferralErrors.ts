import { Schema } from "effect"
import type { NoSuchRecord, NotPermitted } from "../shared/errors.js"
import { RuleId } from "../policy/rules.js"

/** The command does not fit where the request is now (e.g. editing a submitted request). */
export class ReferralNotInStatus extends Schema.TaggedError<ReferralNotInStatus>()("ReferralNotInStatus", {
  status: Schema.String,
  message: Schema.String
}) {}


export class ReferralAlreadyExists extends Schema.TaggedError<ReferralAlreadyExists>()("ReferralAlreadyExists", {
  referralId: Schema.String,
  message: Schema.String
}) {}

/** Parts of the form that must be filled in before submission; `childId` names the child for a child's own field. */
export class IncompleteRequest extends Schema.TaggedError<IncompleteRequest>()("IncompleteRequest", {
  missing: Schema.Array(
    Schema.Struct({ field: Schema.String, label: Schema.String, ruleId: Schema.optional(RuleId), childId: Schema.optional(Schema.String) })
  ),
  message: Schema.String
}) {}

export class MissingDocuments extends Schema.TaggedError<MissingDocuments>()("MissingDocuments", {
  missing: Schema.Array(Schema.Struct({ kind: Schema.String, label: Schema.String, ruleId: RuleId })),
  message: Schema.String
}) {}

/** The panel does not decide this kind of request; it goes elsewhere. */
export class OutOfScope extends Schema.TaggedError<OutOfScope>()("OutOfScope", {
  ruleId: RuleId,
  redirectTo: Schema.optional(Schema.String),
  message: Schema.String
}) {}

/** Someone other than the next approver tried to approve. */
export class NotNextApprover extends Schema.TaggedError<NotNextApprover>()("NotNextApprover", {
  waitingFor: Schema.String,
  message: Schema.String
}) {}

/** Missed the submission deadline and no chair's permission is recorded. */
export class LateRequest extends Schema.TaggedError<LateRequest>()("LateRequest", {
  ruleId: RuleId,
  deadline: Schema.String,
  message: Schema.String
}) {}

export class LatePermissionNotAllowed extends Schema.TaggedError<LatePermissionNotAllowed>()(
  "LatePermissionNotAllowed",
  { ruleId: RuleId, message: Schema.String }
) {}

/** The sitting cannot take this request: another panel's, cancelled, or its agenda closed. */
export class WrongSitting extends Schema.TaggedError<WrongSitting>()("WrongSitting", { message: Schema.String }) {}

/** A redirection citing a rule that is not the policy's, or that does not fit this request (NSO-7, LIN-4). */
export class RedirectNotAllowed extends Schema.TaggedError<RedirectNotAllowed>()("RedirectNotAllowed", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** The request already has a decision from this sitting: a change to it is an amendment, not a second decision. */
export class AlreadyHeard extends Schema.TaggedError<AlreadyHeard>()("AlreadyHeard", {
  decisionId: Schema.String,
  message: Schema.String
}) {}

export type ReferralRefusal =
  | NoSuchRecord
  | NotPermitted
  | ReferralNotInStatus
  | ReferralAlreadyExists
  | IncompleteRequest
  | MissingDocuments
  | OutOfScope
  | NotNextApprover
  | LateRequest
  | LatePermissionNotAllowed
  | WrongSitting
  | AlreadyHeard
  | RedirectNotAllowed
