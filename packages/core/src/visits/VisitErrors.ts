import { Schema } from "effect"
import { RuleId } from "../policy/rules.js"

export const VisitRefusalReason = Schema.Literal("not_placed", "before_placement", "after_placement_ended", "in_future", "not_seen_alone_without_reason", "no_visitor", "already_recorded")
export type VisitRefusalReason = typeof VisitRefusalReason.Type

/** STAT-R28: a visit that cannot be recorded, and exactly why (`reason`, with the field at fault). */
export class VisitRefused extends Schema.TaggedError<VisitRefused>()("VisitRefused", {
  ruleId: RuleId,
  reason: VisitRefusalReason,
  field: Schema.String,
  message: Schema.String
}) {}

export const RecordRefusalReason = Schema.Literal("not_open", "in_future", "already_recorded")
export type RecordRefusalReason = typeof RecordRefusalReason.Type

/** STAT-R9: a placement plan that cannot be recorded as given. */
export class PlacementPlanRefused extends Schema.TaggedError<PlacementPlanRefused>()("PlacementPlanRefused", {
  ruleId: RuleId,
  reason: RecordRefusalReason,
  message: Schema.String
}) {}

/** STAT-R28: the first looked-after review (the end of weekly visits) cannot be recorded as given. */
export class FirstReviewRefused extends Schema.TaggedError<FirstReviewRefused>()("FirstReviewRefused", {
  ruleId: RuleId,
  reason: RecordRefusalReason,
  message: Schema.String
}) {}

export type VisitRefusal = VisitRefused | PlacementPlanRefused | FirstReviewRefused
