import type { ReferralForm } from "./ReferralForm.js"
import type { Role } from "../shared/roles.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Citer } from "../policy/citation.js"
import { type ChildFlag, holds, mentionsType, type RequestFacts } from "../policy/Condition.js"
import type { DocumentKind } from "../policy/DocumentKind.js"
import type { FormSection, RequiredDocument, ScopeExclusion } from "../policy/ReferralPolicy.js"
import type { RequestType } from "../policy/RequestType.js"
import type { RuleId } from "../policy/rules.js"

const childFlags = (child: ReferralForm["children"][number]): ReadonlySet<ChildFlag> =>
  new Set<ChildFlag>([
    ...(child.disabled ? (["disabled"] as const) : []),
    ...(child.unaccompaniedAsylumSeeking ? (["unaccompanied_asylum_seeking"] as const) : [])
  ])

const respite: RequestType = "respite_or_family_support"

/** SSDA903 C1: an interim care order, made only while care proceedings are under way. */
const underInterimCareOrder = (child: ReferralForm["children"][number]) => child.legalStatus?.trim().toUpperCase() === "C1"

/**
 * The facts scope rules look at, from what the form records rather than the label it is filed under (NSO-7): a
 * request that says it asks for respite or family support is one, filed as "other" or not; it is part of care
 * proceedings when the form says so, when it also asks for care proceedings, or when a child is under an interim
 * care order.
 */
export const requestFacts = (form: ReferralForm): RequestFacts => ({
  requestTypes: form.respiteOrFamilySupport && !form.requestTypes.includes(respite) ? [...form.requestTypes, respite] : form.requestTypes,
  children: form.children.map(childFlags),
  partOfCareProceedings: form.partOfCareProceedings || form.requestTypes.includes("care_proceedings") || form.children.some(underInterimCareOrder),
  annualCostPence: form.annualCostPence
})

/** Labels under which a respite or family support request may be filed without saying so. */
const mayBeRespite: ReadonlyArray<RequestType> = ["other", "expenditure", "edge_of_care_resource"]

/**
 * NSO-7: the redirecting exclusion about respite or family support that would apply if this request asked for
 * it, while the form does not say whether it does: the social worker must answer before it is submitted.
 */
export const respiteQuestion = (policy: AuthorityPolicy, form: ReferralForm): ScopeExclusion | undefined => {
  if (form.respiteOrFamilySupport !== undefined || !form.requestTypes.some((type) => mayBeRespite.includes(type))) return undefined
  const ifRespite = { ...requestFacts(form), requestTypes: [...form.requestTypes, respite] }
  return policy.referral.exclusions.find((rule) => rule.effect === "redirect" && mentionsType(rule.when, respite) && holds(rule.when, ifRespite))
}

const appliesTo = (forTypes: ReadonlyArray<RequestType> | undefined, types: ReadonlyArray<RequestType>) =>
  forTypes === undefined || types.some((type) => forTypes.includes(type))

/** The first exclusion that sends this request elsewhere, if any (NSO-7). */
export const redirection = (policy: AuthorityPolicy, form: ReferralForm): ScopeExclusion | undefined =>
  policy.referral.exclusions.find((rule) => rule.effect === "redirect" && holds(rule.when, requestFacts(form)))

/** Exclusions under which this request need not be presented, though it may be (LIN-4). */
export const optionalPresentation = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<ScopeExclusion> =>
  policy.referral.exclusions.filter((rule) => rule.effect === "optional" && holds(rule.when, requestFacts(form)))

/** Request types this panel does not decide. */
export const typesOutOfScope = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<RequestType> =>
  form.requestTypes.filter((type) => !policy.referral.inScope.requestTypes.includes(type))

export const missingDocuments = (
  policy: AuthorityPolicy,
  form: ReferralForm,
  recorded: ReadonlyArray<DocumentKind>
): ReadonlyArray<RequiredDocument> =>
  policy.referral.requiredDocuments.filter(
    (required) => appliesTo(required.forRequestTypes, form.requestTypes) && !recorded.includes(required.kind)
  )

export const approvalsNeeded = (
  policy: AuthorityPolicy,
  form: ReferralForm
): ReadonlyArray<{ readonly role: Role; readonly ruleId: RuleId }> =>
  policy.referral.approvals
    .filter((approval) => appliesTo(approval.forRequestTypes, form.requestTypes))
    .map(({ role, ruleId }) => ({ role, ruleId }))

export const sectionLabel: Record<FormSection, string> = {
  reason: "reason for the request",
  request: "what is requested",
  case_summary: "case summary",
  worries: "what are we worried about",
  working_well: "what is working well",
  needs_to_change: "what needs to change",
  proposed_plan: "proposed plan",
  expected_outcome: "what the request should achieve",
  duration_and_exit: "how long the resource is needed and what happens then",
  work_already_done: "work already done with the family",
  education: "special educational needs and education for each child",
  team_manager_consultation: "the discussion with the team manager (date and where it is recorded)"
}

const filled = (text: string | undefined) => text !== undefined && text.trim() !== ""

const sectionFilled: Record<FormSection, (form: ReferralForm) => boolean> = {
  reason: (form) => filled(form.reason),
  request: (form) => filled(form.request),
  case_summary: (form) => filled(form.caseSummary),
  worries: (form) => filled(form.worries),
  working_well: (form) => filled(form.workingWell),
  needs_to_change: (form) => filled(form.needsToChange),
  proposed_plan: (form) => filled(form.proposedPlan),
  expected_outcome: (form) => filled(form.expectedOutcome),
  duration_and_exit: (form) => filled(form.durationAndExit),
  work_already_done: (form) => filled(form.workAlreadyDone),
  education: (form) =>
    form.children.every((child) => child.specialEducationalNeeds !== undefined && child.engagingInEducation !== undefined),
  team_manager_consultation: (form) => form.teamManagerConsultation !== undefined
}

/** The form's gaps before submission: always children and a request type, then the policy's sections; `cite` is the refusal's. */
export const missingSections = (
  policy: AuthorityPolicy,
  form: ReferralForm,
  cite: Citer
): ReadonlyArray<{ readonly field: string; readonly label: string; readonly ruleId?: RuleId }> => {
  const basics = [
    ...(form.children.length === 0 ? [{ field: "children", label: "at least one child" }] : []),
    ...(form.requestTypes.length === 0 ? [{ field: "requestTypes", label: "what kind of request this is" }] : [])
  ]
  const sections: FormSection[] = [...policy.referral.requiredSections]
  const consultationRule = policy.referral.teamManagerConsultationRequired
  if (consultationRule !== undefined && !sections.includes("team_manager_consultation")) {
    sections.push("team_manager_consultation")
  }
  const gaps = sections
    .filter((section) => !sectionFilled[section](form))
    .map((section) =>
      section === "team_manager_consultation" && consultationRule !== undefined
        ? { field: section, label: sectionLabel[section], ruleId: consultationRule }
        : { field: section, label: sectionLabel[section] }
    )
  const question = respiteQuestion(policy, form)
  const respiteGap =
    question === undefined
      ? []
      : [{ field: "respiteOrFamilySupport", label: `whether it asks for respite or family support (${cite(question.ruleId)}: if so, the ${question.redirectTo ?? "other panel"} decides it)`, ruleId: question.ruleId }]
  return [...basics, ...gaps, ...respiteGap]
}
