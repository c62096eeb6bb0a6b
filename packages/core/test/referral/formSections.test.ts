import { describe, expect, it } from "@effect/vitest"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import type { FormSection } from "../../src/policy/ReferralPolicy.js"
import { IncompleteRequest } from "../../src/referral/ReferralErrors.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

/** What leaving each section of the form out looks like to the social worker: blank text, or nothing recorded. */
const leftOut: Record<FormSection, (form: ReferralForm) => Partial<ReferralForm>> = {
  reason: () => ({ reason: "  " }),
  request: () => ({ request: "" }),
  case_summary: () => ({ caseSummary: undefined }),
  worries: () => ({ worries: "\n" }),
  working_well: () => ({ workingWell: " " }),
  needs_to_change: () => ({ needsToChange: undefined }),
  proposed_plan: () => ({ proposedPlan: "" }),
  expected_outcome: () => ({ expectedOutcome: " " }),
  duration_and_exit: () => ({ durationAndExit: undefined }),
  work_already_done: () => ({ workAlreadyDone: "" }),
  education: (form) => ({ children: form.children.map(({ specialEducationalNeeds: _, engagingInEducation: __, ...child }) => child) }),
  team_manager_consultation: () => ({ teamManagerConsultation: undefined })
}

const label: Record<FormSection, string> = {
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

const every = presetSlugs.map((slug) => {
  const policy = preset(slug)
  const panelId = policy.panels[0].id
  const sections = [...new Set<FormSection>([...policy.referral.requiredSections, ...(policy.referral.teamManagerConsultationRequired ? ["team_manager_consultation" as const] : [])])]
  const submit = (change: (form: ReferralForm) => Partial<ReferralForm>) => {
    const at = referralsAt(slug, panelId)
    const form = completeForm(panelId, { requestTypes: [policy.referral.inScope.requestTypes[0]!] })
    const papers = policy.referral.requiredDocuments.map((required) => required.kind)
    return at.spec.given(at.draft({ ...form, ...change(form) }, papers)).when(at.cmd("socialWorker", { _tag: "Submit" }))
  }
  /** The gaps the refusal names; fails unless the request was refused as incomplete. */
  const gaps = (change: (form: ReferralForm) => Partial<ReferralForm>) => {
    const refusal = submit(change).refusal()
    expect(refusal).toBeInstanceOf(IncompleteRequest)
    return refusal as IncompleteRequest
  }
  return { slug, policy, sections, submit, gaps }
})

describe("referral: the form's sections each authority requires before a request leaves the social worker", () => {
  for (const { slug, policy, sections, gaps } of every) {
    it.each(sections)(`${slug}: a request with only %s left out is refused naming that section alone`, (section) => {
      const consultationRule = section === "team_manager_consultation" ? policy.referral.teamManagerConsultationRequired : undefined
      const refusal = gaps(leftOut[section])
      expect(refusal).toMatchObject({ _tag: "IncompleteRequest", message: `The request cannot be submitted yet. Please complete: ${label[section]}.` })
      expect(refusal.missing).toEqual([{ field: section, label: label[section], ...(consultationRule ? { ruleId: consultationRule } : {}) }])
    })
  }

  it("KNO-4: with every section left out, Knowsley's refusal lists them in the policy's order, the team manager discussion under KNO-4", () => {
    const knowsley = every.find((entry) => entry.slug === "knowsley")!
    const refusal = knowsley.gaps((form) => Object.assign({}, ...knowsley.sections.map((section) => leftOut[section](form))))
    expect(refusal.missing.map((gap) => [gap.field, gap.ruleId])).toEqual([
      ["reason", undefined], ["request", undefined], ["case_summary", undefined], ["worries", undefined], ["working_well", undefined], ["education", undefined],
      ["team_manager_consultation", "KNO-4"]
    ])
  })

  it("a request for no child and of no kind is refused naming those first", () => {
    const lincolnshire = every.find((entry) => entry.slug === "lincolnshire")!
    const refusal = lincolnshire.gaps(() => ({ children: [], requestTypes: [], reason: "" }))
    expect(refusal.missing.map((gap) => gap.label)).toEqual(["at least one child", "what kind of request this is", "reason for the request"])
  })

  it("each gap names the form's field it is about, so the form can point at it (the API's `name`)", () => {
    const lincolnshire = every.find((entry) => entry.slug === "lincolnshire")!
    const refusal = lincolnshire.gaps(() => ({ children: [], requestTypes: [], reason: "" }))
    expect(refusal.missing.map((gap) => gap.field)).toEqual(["children", "requestTypes", "reason"])
  })

  it("the sections an authority does not ask for may be left blank: the request is submitted", () => {
    const sections = (Object.keys(leftOut) as FormSection[])
    for (const { submit, sections: required } of every) {
      const optional = sections.filter((section) => !required.includes(section))
      const submitted = submit((form) => Object.assign({}, ...optional.map((section) => leftOut[section](form)))).events()
      expect(submitted).toMatchObject([{ _tag: "ReferralSubmitted" }])
    }
  })
})
