import { Schema } from "effect"

/** Papers that travel with a request (SUP-5, NSO-4, LIN-3). */
export const DocumentKind = Schema.Literal(
  "referral_form",
  "assessment",
  "care_plan",
  "review_outcome",
  "genogram",
  "eco_map",
  "chronology",
  "direct_work",
  "fgc_plan",
  "family_safety_plan",
  "legal_advice",
  "signs_of_safety_mapping",
  "other"
)
export type DocumentKind = typeof DocumentKind.Type

export const documentKindLabel: Record<DocumentKind, string> = {
  referral_form: "referral form",
  assessment: "assessment",
  care_plan: "care plan",
  review_outcome: "outcome of the last review",
  genogram: "genogram",
  eco_map: "eco-map",
  chronology: "chronology",
  direct_work: "direct work with the children",
  fgc_plan: "family group conference plan",
  family_safety_plan: "family safety plan",
  legal_advice: "legal advice",
  signs_of_safety_mapping: "Signs of Safety mapping",
  other: "other document"
}
