import { Schema } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RuleId } from "../policy/rules.js"
import type { ReferralForm } from "./ReferralForm.js"

/** CPR-5: accommodation outside the usual placements. */
export const ExceptionalAccommodationKind = Schema.Literal("hotel", "private_rent", "other")

/** CPR-5: what exceptional accommodation is asked for, what it costs a week, and why it is value for money. */
export const ExceptionalAccommodation = Schema.Struct({
  kind: ExceptionalAccommodationKind,
  weeklyCostPence: Schema.Int.pipe(Schema.positive()),
  valueForMoney: Schema.NonEmptyTrimmedString
})
export type ExceptionalAccommodation = typeof ExceptionalAccommodation.Type

/** A request for exceptional accommodation says what, its cost and its value for money, under the rule that puts it in scope. */
export const exceptionalAccommodationGaps = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<{ readonly field: string; readonly label: string; readonly ruleId: RuleId }> =>
  form.requestTypes.includes("exceptional_accommodation") && form.exceptionalAccommodation === undefined
    ? [{ field: "exceptionalAccommodation", label: "the exceptional accommodation asked for, its weekly cost and why it is value for money", ruleId: policy.referral.inScope.ruleId }]
    : []
