import { Schema } from "effect"
import { ParentalHistoryKind } from "../referral/CaseFacts.js"
import { PlanType } from "../referral/PlanType.js"
import { RequestType } from "./RequestType.js"

/**
 * The facts on the form that make a criterion true, so the core works it out rather than a tick (issue 13, item 9):
 * - `ChildOnPlanLongerThan`: a child has been on this plan for more than `months` at submission (SUP-2).
 * - `ParentalHistory`: a parent or caregiver has this kind of recorded history (SUP-3, LIN-2).
 * - `DisabledChildCostedPackage`: a child on the request is disabled and the yearly cost is recorded (LIN-2).
 * - `RequestTypeIn`: the request is of one of these types: what the seed says the panel must decide (NSO-6, CPR-5).
 */
export const CriterionFacts = Schema.Union(
  Schema.TaggedStruct("ChildOnPlanLongerThan", { plan: PlanType, months: Schema.Int.pipe(Schema.positive()) }),
  Schema.TaggedStruct("ParentalHistory", { kind: ParentalHistoryKind }),
  Schema.TaggedStruct("DisabledChildCostedPackage", {}),
  Schema.TaggedStruct("RequestTypeIn", { types: Schema.NonEmptyArray(RequestType) })
)
export type CriterionFacts = typeof CriterionFacts.Type
