import { Schema } from "effect"

/** What a panel is asked to do. The union of the seed forms (KNO-6, NSO-5, NSO-6, CPR-5, LIN-2, LIN-3). */
export const RequestType = Schema.Literal(
  "s20_accommodation",
  "pre_proceedings",
  "care_proceedings",
  "secure_accommodation",
  "epo_retrospective",
  "placement_type",
  "placement_change",
  "external_placement",
  "independent_assessment",
  "nrpf_funding",
  "expenditure",
  "edge_of_care_resource",
  "legal_planning_meeting",
  "exceptional_accommodation",
  // The next two exist so that requests another panel handles can be recognised and redirected (NSO-7).
  "respite_or_family_support",
  "sgo_or_adoption_support",
  "other"
)
export type RequestType = typeof RequestType.Type

export const requestTypeLabel: Record<RequestType, string> = {
  s20_accommodation: "accommodation under section 20",
  pre_proceedings: "starting pre-proceedings",
  care_proceedings: "care proceedings under section 31",
  secure_accommodation: "secure accommodation under section 25",
  epo_retrospective: "a retrospective emergency protection order plan",
  placement_type: "agreeing a placement type",
  placement_change: "changing a placement",
  external_placement: "an external placement",
  independent_assessment: "an independent assessment",
  nrpf_funding: "funding for a family with no recourse to public funds",
  expenditure: "expenditure",
  edge_of_care_resource: "an edge-of-care resource",
  legal_planning_meeting: "a legal planning meeting",
  exceptional_accommodation: "exceptional accommodation in a hotel or private let",
  respite_or_family_support: "respite or family support",
  sgo_or_adoption_support: "a special guardianship or adoption support package",
  other: "something else"
}
