import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import { approvalsNeeded } from "../../src/referral/referralRules.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const lincolnshire = referralsAt("lincolnshire", "support-panel")
const sixPapers: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]

/** Given a Lincolnshire request of these types with these papers, when the social worker submits it. */
const submit = (requestTypes: RequestType[], papers: ReadonlyArray<DocumentKind> = sixPapers, form = {}) =>
  lincolnshire.spec.given(lincolnshire.draft({ requestTypes, ...form }, papers)).when(lincolnshire.cmd("socialWorker", { _tag: "Submit" }))

describe("referral: the papers each kind of request needs (LIN-3)", () => {
  it("LIN-3: an edge-of-care request needs the FGC plan besides the six papers; accommodation alone does not", () => {
    expect(submit(["edge_of_care_resource"]).refusal()).toMatchObject({
      _tag: "MissingDocuments",
      missing: [{ kind: "fgc_plan", label: "family group conference plan", ruleId: "LIN-3" }],
      message: "The request cannot be submitted without: family group conference plan (LIN-3)."
    })
    expect(submit(["s20_accommodation"]).events()).toMatchObject([{ _tag: "ReferralSubmitted" }])
  })

  it("LIN-3: a request of several kinds needs each kind's papers, named together in the policy's order", () => {
    expect(submit(["pre_proceedings", "edge_of_care_resource"], sixPapers.slice(1)).refusal()).toMatchObject({
      missing: [{ kind: "chronology" }, { kind: "fgc_plan" }, { kind: "legal_advice" }],
      message: "The request cannot be submitted without: chronology (LIN-3), family group conference plan (LIN-3), legal advice (LIN-3)."
    })
    expect(submit(["pre_proceedings", "edge_of_care_resource"], [...sixPapers, "fgc_plan", "legal_advice"]).events()).toHaveLength(1)
  })
})

describe("referral: what the panel does not decide (LIN-2, NSO-7)", () => {
  it("LIN-2: a request of two kinds the panel does not decide is refused naming both", () => {
    expect(submit(["sgo_or_adoption_support", "secure_accommodation", "s20_accommodation"]).refusal()).toMatchObject({
      _tag: "OutOfScope",
      ruleId: "LIN-2",
      message: "This panel does not decide a special guardianship or adoption support package or secure accommodation under section 25: it is not among the requests its terms of reference bring to it (LIN-2)."
    })
  })

  it("NSO-7: a disabled child's respite request is sent to the disabled children's panel, in words the social worker can act on", () => {
    const northSomerset = referralsAt("north-somerset", "care-and-resource")
    const child = { ...completeForm("care-and-resource").children[0]!, childId: ChildId.make("child-1"), disabled: true }
    const refusal = northSomerset.spec
      .given(northSomerset.draft({ requestTypes: ["respite_or_family_support"], children: [child] }, ["assessment", "care_plan", "genogram"]))
      .when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))
      .refusal()
    expect(refusal).toMatchObject({ _tag: "OutOfScope", ruleId: "NSO-7", redirectTo: "Children with Disabilities panel" })
    expect(refusal.message).toMatch(/^.+ \(NSO-7\)\. Send it to the Children with Disabilities panel\.$/)
  })
})

describe("referral: sign-off an authority asks only of some kinds of request", () => {
  it("a policy may ask the head of service to approve pre-proceedings only, after the team manager", () => {
    const input = presetInputs.lincolnshire
    const policy = Schema.decodeUnknownSync(AuthorityPolicy)({
      ...input,
      referral: { ...input.referral, approvals: [...input.referral.approvals, { ruleId: "LIN-3", role: "head_of_service", forRequestTypes: ["pre_proceedings"] }] }
    })
    const roles = (requestTypes: RequestType[]) => approvalsNeeded(policy, completeForm("support-panel", { requestTypes })).map((approval) => approval.role)
    expect(roles(["s20_accommodation"])).toEqual(["team_manager"])
    expect(roles(["s20_accommodation", "pre_proceedings"])).toEqual(["team_manager", "head_of_service"])
  })
})
