import { Schema } from "effect"
import type { NoSuchRecord } from "../shared/errors.js"
import { RuleId } from "../policy/rules.js"

export class SittingNotInState extends Schema.TaggedError<SittingNotInState>()("SittingNotInState", {
  message: Schema.String
}) {}

export class SittingAlreadyScheduled extends Schema.TaggedError<SittingAlreadyScheduled>()("SittingAlreadyScheduled", {
  message: Schema.String
}) {}

/** More children than fit in the sitting's hours at the shortest slot the policy allows (CPR-2). */
export class AgendaFull extends Schema.TaggedError<AgendaFull>()("AgendaFull", {
  ruleId: RuleId,
  capacity: Schema.Number,
  requested: Schema.Number,
  message: Schema.String
}) {}

export class ObserverNeedsChairAgreement extends Schema.TaggedError<ObserverNeedsChairAgreement>()(
  "ObserverNeedsChairAgreement",
  { ruleId: RuleId, message: Schema.String }
) {}

export class NotTheChair extends Schema.TaggedError<NotTheChair>()("NotTheChair", { message: Schema.String }) {}

/** The chair said there were enough members, but the recorded attendance is below the policy's minimum. */
export class QuorumNotMet extends Schema.TaggedError<QuorumNotMet>()("QuorumNotMet", {
  ruleId: RuleId,
  present: Schema.Number,
  needed: Schema.Number,
  message: Schema.String
}) {}

export class DeputyMustNameSeat extends Schema.TaggedError<DeputyMustNameSeat>()("DeputyMustNameSeat", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/**
 * A deputy who cannot stand in for the member named, or a member present who cannot represent them (KNO-2): themselves,
 * a member recorded present, a member already covered.
 */
export class DeputyCannotStandIn extends Schema.TaggedError<DeputyCannotStandIn>()("DeputyCannotStandIn", {
  ruleId: Schema.optional(RuleId),
  message: Schema.String
}) {}

export type SittingRefusal =
  | NoSuchRecord
  | SittingNotInState
  | SittingAlreadyScheduled
  | AgendaFull
  | ObserverNeedsChairAgreement
  | NotTheChair
  | DeputyMustNameSeat
  | DeputyCannotStandIn
  | QuorumNotMet
