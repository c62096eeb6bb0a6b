import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId, DocumentId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, london } from "../fixtures.js"
import { referralId, referralsAt } from "./fixtures.js"

type Child = ReferralForm["children"][number]
const child = (n: number, details: Partial<Child> = {}): Child => ({
  ...completeForm("care-and-resource").children[0]!,
  childId: ChildId.make(`child-${n}`),
  fullName: `Jo Testwood ${n}`,
  ...details
})

const nso = referralsAt("north-somerset", "care-and-resource")
const nsoPapers: DocumentKind[] = ["assessment", "care_plan", "genogram"]
const submitAtNorthSomerset = (form: Partial<ReferralForm>) =>
  nso.spec.given(nso.draft({ presentationReasons: [], ...form }, nsoPapers)).when(nso.cmd("socialWorker", { _tag: "Submit" }))

/** Given a request for a preset authority's panel, decided under a changed copy of that authority's policy. */
const underPolicy = (slug: "north-somerset" | "knowsley", panelId: string, change: (referral: Record<string, unknown>) => Record<string, unknown>) => {
  const input = presetInputs[slug]
  const policy = Schema.decodeUnknownSync(AuthorityPolicy)({ ...input, referral: change(input.referral as unknown as Record<string, unknown>) })
  const spec = deciderSpec(referralDecider, { policy, calendar: englandAndWales })
  const socialWorker = as(staffOf(slug).socialWorker)
  const cmd = (body: Record<string, unknown>) => ({ ...body, by: socialWorker, at: london("2027-06-01", "09:00") }) as ReferralCommand
  return (form: Partial<ReferralForm>, papers: ReadonlyArray<DocumentKind>) =>
    spec
      .given(
        spec.play([
          cmd({ _tag: "CreateDraft", referralId, form: completeForm(panelId, form) }),
          ...papers.map((kind, i) => cmd({ _tag: "RecordDocument", document: { documentId: DocumentId.make(`doc-${i}`), kind, title: kind } }))
        ])
      )
      .when(cmd({ _tag: "Submit" }))
}

describe("NSO-7: which requests are asked whether they are for respite, and which are part of care proceedings", () => {
  it("NSO-7: a disabled child's respite request is part of care proceedings when a sibling on it is under an interim care order (C1): it stays with this panel", () => {
    const siblings = [child(1, { disabled: true, legalStatus: "V2" }), child(2, { legalStatus: "C1" })]
    expect(submitAtNorthSomerset({ requestTypes: ["respite_or_family_support"], children: siblings }).state()?.status).toBe("awaiting_approval")
  })

  it("NSO-7: a request for a disabled child filed as section 20 accommodation and as \"other\" is still asked whether it asks for respite", () => {
    const refusal = submitAtNorthSomerset({ requestTypes: ["s20_accommodation", "other"], children: [child(1, { disabled: true })] }).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "respiteOrFamilySupport", ruleId: "NSO-7" }] })
  })

  it("NSO-7, where the authority's policy does not name the other panel: the question says \"the other panel\", and the refusal names none", () => {
    const submit = underPolicy("north-somerset", "care-and-resource", (referral) => ({
      ...referral,
      exclusions: (referral.exclusions as ReadonlyArray<Record<string, unknown>>).map(({ redirectTo: _, ...exclusion }) => exclusion)
    }))
    const disabled = [child(1, { disabled: true })]
    const question = submit({ requestTypes: ["other"], children: disabled, presentationReasons: [] }, nsoPapers).refusal()
    expect(question.message).toBe(
      "The request cannot be submitted yet. Please complete: whether it asks for respite or family support (NSO-7: if so, the other panel decides it)."
    )
    const refusal = submit({ requestTypes: ["respite_or_family_support"], children: disabled, presentationReasons: [] }, nsoPapers).refusal()
    expect(refusal).toMatchObject({ _tag: "OutOfScope", ruleId: "NSO-7" })
    expect(refusal.message).toBe(
      "Respite or family support for a disabled child is decided by the Children with Disabilities panel, unless it is part of care proceedings (NSO-7)."
    )
  })
})

describe("LIN-4: a request that need not be presented is not asked about respite", () => {
  it("LIN-4: a request for unaccompanied asylum-seeking children filed as \"other\" is submitted without the respite question, which is only for a rule that sends a request elsewhere", () => {
    const lin = referralsAt("lincolnshire", "support-panel")
    const papers: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]
    const uasc = [child(1, { unaccompaniedAsylumSeeking: true }), child(2, { unaccompaniedAsylumSeeking: true })]
    const state = lin.spec.given(lin.draft({ requestTypes: ["other"], children: uasc }, papers)).when(lin.cmd("socialWorker", { _tag: "Submit" })).state()
    expect(state).toMatchObject({ status: "awaiting_approval", presentationOptional: [{ ruleId: "LIN-4" }] })
  })
})

describe("KNO-4: the team manager discussion follows the policy's rule, not its list of sections", () => {
  it("KNO-4: a policy that names the rule but leaves the discussion out of its sections still refuses a request without it, citing KNO-4", () => {
    const submit = underPolicy("knowsley", "circle-of-support", (referral) => ({
      ...referral,
      requiredSections: (referral.requiredSections as ReadonlyArray<string>).filter((section) => section !== "team_manager_consultation")
    }))
    const refusal = submit({ requestTypes: ["edge_of_care_resource"], teamManagerConsultation: undefined }, ["referral_form"]).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "team_manager_consultation", ruleId: "KNO-4" }],
      message: "The request cannot be submitted yet. Please complete: the discussion with the team manager (date and where it is recorded)."
    })
  })
})
