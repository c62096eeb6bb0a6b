import type { RequestType } from "../policy/RequestType.js"
import type { RequiredChildField, RequiredField, RequiredRequestField } from "../policy/RequiredField.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Citer } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { ChildId } from "../shared/ids.js"
import type { ChildDetails, ReferralForm } from "./ReferralForm.js"

/** A required field left empty; `childId` names the child when it is one of a child's fields. */
export interface MissingField {
  readonly field: string
  readonly label: string
  readonly ruleId: RuleId
  readonly childId?: ChildId
}

const filled = (text: string | undefined) => text !== undefined && text.trim() !== ""

export const childFieldLabel: Record<RequiredChildField, string> = {
  date_of_birth: "date of birth",
  gender: "gender",
  case_number: "case number (ICS, LCS or Mosaic)",
  legal_status: "legal status",
  ethnicity: "ethnicity",
  plan: "status or plan (EH, FWB, FF, CIN, CP, CLA)",
  home_address: "home address",
  ehcp_dates: "when the EHC plan was issued and last reviewed",
  placement: "the type of placement and the placement address (a looked-after child)"
}

const childFieldFilled: Record<RequiredChildField, (child: ChildDetails) => boolean> = {
  date_of_birth: (child) => child.dateOfBirth !== undefined,
  gender: (child) => filled(child.gender),
  case_number: (child) => filled(child.caseNumber),
  legal_status: (child) => filled(child.legalStatus),
  ethnicity: (child) => filled(child.ethnicity),
  plan: (child) => child.plan !== undefined,
  home_address: (child) => filled(child.homeAddress),
  ehcp_dates: (child) => child.ehcp === undefined || (child.ehcp.issued !== undefined && child.ehcp.lastReviewed !== undefined),
  // NSO-5 asks for the placement "if different" from home and the carer "if applicable": a looked-after child has a placement.
  placement: (child) => child.plan !== "CLA" || (filled(child.placementType) && filled(child.placementAddress))
}

export const requestFieldLabel: Record<RequiredRequestField, string> = {
  current_situation: "current situation",
  last_review_outcome: "the date and outcome of the last child in care, child in need or child protection review",
  child_wishes: "the child's wishes and feelings",
  parents_views: "the parents' views"
}

/** NSO-4 asks for the last review's outcome "where relevant": where a child is on a plan that has reviews. */
const reviewedPlans: ReadonlyArray<ChildDetails["plan"]> = ["CIN", "CP", "CLA"]

const requestFieldFilled: Record<RequiredRequestField, (form: ReferralForm) => boolean> = {
  current_situation: (form) => filled(form.currentSituation),
  last_review_outcome: (form) => form.lastReviewOutcome !== undefined || !form.children.some((child) => reviewedPlans.includes(child.plan)),
  child_wishes: (form) => filled(form.childWishes),
  parents_views: (form) => filled(form.parentsViews)
}

const appliesTo = (required: RequiredField, types: ReadonlyArray<RequestType>) =>
  required.forRequestTypes === undefined || types.some((type) => required.forRequestTypes!.includes(type))

/** Every required field the form leaves empty: the request's own, then each child's in the order of the form. */
export const missingFields = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<MissingField> => {
  const required = policy.referral.requiredFields.filter((entry) => appliesTo(entry, form.requestTypes))
  const ofRequest = required.flatMap((entry) =>
    entry._tag === "RequestField" && !requestFieldFilled[entry.field](form)
      ? [{ field: entry.field, label: requestFieldLabel[entry.field], ruleId: entry.ruleId }]
      : []
  )
  const ofChildren = form.children.flatMap((child) =>
    required.flatMap((entry) =>
      entry._tag === "ChildField" && !childFieldFilled[entry.field](child)
        ? [{ field: entry.field, label: childFieldLabel[entry.field], ruleId: entry.ruleId, childId: child.childId }]
        : []
    )
  )
  return [...ofRequest, ...ofChildren]
}

/**
 * "Ada Testwood: date of birth (KNO-6), gender (KNO-6); Ben Testwood: gender (KNO-6)", for the refusal's message; an
 * own rule's or a default's words the first time the refusal cites it (`cite`, shared by the whole refusal).
 */
export const describeMissingFields = (form: ReferralForm, missing: ReadonlyArray<MissingField>, cite: Citer): ReadonlyArray<string> => {
  const cited = (gap: MissingField) => `${gap.label} (${cite(gap.ruleId)})`
  const ofRequest = missing.filter((gap) => gap.childId === undefined).map(cited)
  const ofChildren = form.children.flatMap((child) => {
    const gaps = missing.filter((gap) => gap.childId === child.childId)
    return gaps.length === 0 ? [] : [`${child.fullName}: ${gaps.map(cited).join(", ")}`]
  })
  return [...ofRequest, ...ofChildren]
}
