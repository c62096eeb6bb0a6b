import { Schema } from "effect"
import { RequestType } from "./RequestType.js"
import { RuleId } from "./rules.js"

/** A field of a child on the request that an authority may require for every child (KNO-6, NSO-5). */
export const RequiredChildField = Schema.Literal(
  "date_of_birth",
  "gender",
  "case_number",
  "legal_status",
  "ethnicity",
  "plan",
  "home_address",
  /** Where the child has an EHC plan: when it was issued and last reviewed (NSO-5). */
  "ehcp_dates",
  /** Where the child is looked after: the type of placement and the placement address (NSO-5); the carer stays optional. */
  "placement"
)
export type RequiredChildField = typeof RequiredChildField.Type

/** A field of the request itself that an authority may require (NSO-4, NSO-5, NSO-6). */
export const RequiredRequestField = Schema.Literal(
  "current_situation",
  /** Where relevant: a child on the request has a child in need, child protection or looked-after plan (NSO-4). */
  "last_review_outcome",
  "child_wishes",
  "parents_views"
)
export type RequiredRequestField = typeof RequiredRequestField.Type

/**
 * One field the authority requires before a request is submitted (issue 13, item 10). A child field is required
 * of each child on the request. `forRequestTypes`: only for these request types; every request when absent.
 */
export const RequiredField = Schema.Union(
  Schema.TaggedStruct("ChildField", {
    field: RequiredChildField,
    ruleId: RuleId,
    forRequestTypes: Schema.optional(Schema.Array(RequestType))
  }),
  Schema.TaggedStruct("RequestField", {
    field: RequiredRequestField,
    ruleId: RuleId,
    forRequestTypes: Schema.optional(Schema.Array(RequestType))
  })
)
export type RequiredField = typeof RequiredField.Type
