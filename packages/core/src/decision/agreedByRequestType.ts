import type { RequestType } from "../policy/RequestType.js"
import type { Agreed } from "./DecisionParts.js"

/** The parts of "what was agreed" a request type asks of an approval (LIN-5, NSO-6); cited under the authority's minutes rule (LIN-5), if any. */
export type AgreedField = "placement" | "funding" | "legalPlanningMeeting" | "preProceedings" | "careProceedings"

export const agreedFieldLabel: Record<AgreedField, string> = {
  placement: "the placement type agreed (Foster to Adopt included)",
  funding: "the amount, period and budget of the funding agreed",
  legalPlanningMeeting: "whether a Legal Planning Meeting is agreed",
  preProceedings: "whether pre-proceedings are agreed",
  careProceedings: "whether care proceedings are agreed"
}

/** What an approved request of each type must record as agreed. Types not listed ask for nothing more. */
export const agreedByRequestType: Partial<Record<RequestType, ReadonlyArray<AgreedField>>> = {
  s20_accommodation: ["placement"],
  placement_type: ["placement"],
  placement_change: ["placement"],
  external_placement: ["placement"],
  expenditure: ["funding"],
  nrpf_funding: ["funding"],
  legal_planning_meeting: ["legalPlanningMeeting"],
  pre_proceedings: ["preProceedings"],
  care_proceedings: ["careProceedings"]
}

/** The fields these request types ask of an approval, each once, in the order of the table. */
export const agreedFieldsFor = (types: ReadonlyArray<RequestType>): ReadonlyArray<AgreedField> => [
  ...new Set(types.flatMap((type) => agreedByRequestType[type] ?? []))
]

export const isAgreed = (agreed: Agreed, field: AgreedField): boolean => agreed[field] !== undefined
