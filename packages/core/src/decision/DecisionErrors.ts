import { Schema } from "effect"
import type { NoSuchRecord } from "../shared/errors.js"
import { RuleId } from "../policy/rules.js"

const refusal = { message: Schema.String }

export class DecisionAlreadyRecorded extends Schema.TaggedError<DecisionAlreadyRecorded>()("DecisionAlreadyRecorded", refusal) {}

/** Something the decision must say is missing; each gap named with its rule. */
export class IncompleteDecision extends Schema.TaggedError<IncompleteDecision>()("IncompleteDecision", {
  missing: Schema.Array(Schema.Struct({ field: Schema.String, ruleId: Schema.optional(RuleId), label: Schema.String })),
  ...refusal
}) {}

/** Signed off: only an amendment (what changed, why, who approved) may change it now. */
export class DecisionIsFinal extends Schema.TaggedError<DecisionIsFinal>()("DecisionIsFinal", refusal) {}
export class DecisionNotFinal extends Schema.TaggedError<DecisionNotFinal>()("DecisionNotFinal", refusal) {}

/** The actor does not hold the role this step is waiting for (NSO-8, LIN-8, LIN-11, NSO-10). */
export class NotTheRightPerson extends Schema.TaggedError<NotTheRightPerson>()("NotTheRightPerson", {
  ruleId: Schema.optional(RuleId),
  ...refusal
}) {}

export class NoSuchAction extends Schema.TaggedError<NoSuchAction>()("NoSuchAction", refusal) {}
export class ActionAlreadyClosed extends Schema.TaggedError<ActionAlreadyClosed>()("ActionAlreadyClosed", refusal) {}

/** LIN-6: the case note updates every action; open ones need completing or a reason. */
export class ActionsNotUpdated extends Schema.TaggedError<ActionsNotUpdated>()("ActionsNotUpdated", {
  actionIds: Schema.Array(Schema.String),
  ...refusal
}) {}

/** The rule this command belongs to does not apply to this decision or authority. */
export class NotApplicable extends Schema.TaggedError<NotApplicable>()("NotApplicable", refusal) {}

/** A decision at a sitting is about a request on that sitting's agenda. */
export class NotOnAgenda extends Schema.TaggedError<NotOnAgenda>()("NotOnAgenda", refusal) {}

/** The panel decides once it sits: nothing is recorded at a sitting before it starts, nor at a cancelled one. */
export class SittingNotHeld extends Schema.TaggedError<SittingNotHeld>()("SittingNotHeld", {
  reason: Schema.Literal("not_started", "cancelled", "not_quorate", "quorum_not_settled"),
  ...refusal
}) {}

/** LIN-7: the timescale to close a return to panel by case note has passed; the case comes back to panel. */
export class ReturnOverdue extends Schema.TaggedError<ReturnOverdue>()("ReturnOverdue", {
  ruleId: RuleId,
  due: Schema.String,
  ...refusal
}) {}

export type DecisionRefusal =
  | NoSuchRecord
  | DecisionAlreadyRecorded
  | IncompleteDecision
  | DecisionIsFinal
  | DecisionNotFinal
  | NotTheRightPerson
  | NoSuchAction
  | ActionAlreadyClosed
  | ActionsNotUpdated
  | NotApplicable
  | NotOnAgenda
  | SittingNotHeld
  | ReturnOverdue
