import { Schema } from "effect"
import type { NoSuchRecord } from "../shared/errors.js"
import { RuleId } from "../policy/rules.js"

export class DisagreementAlreadyExists extends Schema.TaggedError<DisagreementAlreadyExists>()("DisagreementAlreadyExists", {
  disagreementId: Schema.String,
  message: Schema.String
}) {}

/** The command does not fit where the disagreement is now (e.g. noting areas after it was escalated). */
export class DisagreementNotInStatus extends Schema.TaggedError<DisagreementNotInStatus>()("DisagreementNotInStatus", {
  status: Schema.String,
  message: Schema.String
}) {}

/** Something the record needs is blank: the areas, a rationale, a name. */
export class DisagreementDetailMissing extends Schema.TaggedError<DisagreementDetailMissing>()("DisagreementDetailMissing", {
  field: Schema.String,
  ruleId: RuleId,
  message: Schema.String
}) {}

/** CPR-7: a member records and withdraws only their own dissent. */
export class NotTheDissentingMember extends Schema.TaggedError<NotTheDissentingMember>()("NotTheDissentingMember", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** SUP-8 / LIN-13: the areas of disagreement are noted at panel before anything is escalated. */
export class AreasNotNoted extends Schema.TaggedError<AreasNotNoted>()("AreasNotNoted", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** A step the authority's route does not take next (SUP-8: manager first; LIN-13: no manager step). */
export class EscalationOutOfOrder extends Schema.TaggedError<EscalationOutOfOrder>()("EscalationOutOfOrder", {
  ruleId: RuleId,
  step: Schema.String,
  message: Schema.String
}) {}

/** The right step, taken by someone the route does not give it to. */
export class WrongPersonForStep extends Schema.TaggedError<WrongPersonForStep>()("WrongPersonForStep", {
  ruleId: RuleId,
  step: Schema.String,
  message: Schema.String
}) {}

/** An outcome is recorded only once the disagreement has reached the Assistant Director. */
export class NotYetWithAssistantDirector extends Schema.TaggedError<NotYetWithAssistantDirector>()(
  "NotYetWithAssistantDirector",
  { ruleId: RuleId, message: Schema.String }
) {}

/** CPR-7: a formal dissent is from a decision made at a sitting; an agreement outside panel had no members to dissent. */
export class NotAPanelDecision extends Schema.TaggedError<NotAPanelDecision>()("NotAPanelDecision", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** The request, sitting or recommended action named is not the decision's own. */
export class DissentDoesNotMatchDecision extends Schema.TaggedError<DissentDoesNotMatchDecision>()("DissentDoesNotMatchDecision", {
  field: Schema.String,
  message: Schema.String
}) {}

/** CPR-7: once attendance is taken, only a member recorded at the sitting (present, or a deputy) dissents from its decisions. */
export class MemberNotAtSitting extends Schema.TaggedError<MemberNotAtSitting>()("MemberNotAtSitting", {
  ruleId: RuleId,
  /** Their attendance entry's status ("apologies", "observer", "confirmed"), or "not_recorded". */
  attendance: Schema.String,
  message: Schema.String
}) {}

export type DisagreementRefusal =
  | NoSuchRecord
  | DisagreementAlreadyExists
  | DisagreementNotInStatus
  | DisagreementDetailMissing
  | NotTheDissentingMember
  | AreasNotNoted
  | EscalationOutOfOrder
  | WrongPersonForStep
  | NotYetWithAssistantDirector
  | NotAPanelDecision
  | DissentDoesNotMatchDecision
  | MemberNotAtSitting
