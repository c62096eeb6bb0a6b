import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Either } from "effect"
import fc from "fast-check"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const lin = referralsAt("lincolnshire", "support-panel")
const nso = referralsAt("north-somerset", "care-and-resource")
const linPapers: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]

const child = (n: number, flags: { readonly uasc?: boolean; readonly disabled?: boolean } = {}): ReferralForm["children"][number] => ({
  ...completeForm("support-panel").children[0]!,
  childId: ChildId.make(`child-${n}`),
  fullName: `Sami Testwood ${n}`,
  unaccompaniedAsylumSeeking: flags.uasc ?? false,
  disabled: flags.disabled ?? false
})
const uascOnly = { children: [child(1, { uasc: true }), child(2, { uasc: true })] }
const mixed = { children: [child(1, { uasc: true }), child(2)] }
const redirect = (body: Record<string, unknown>) => ({ _tag: "Redirect", reason: "Decided elsewhere", ...body })

describe("need not be presented (LIN-4)", () => {
  it("LIN-4: a request about unaccompanied asylum-seeking children only is submitted, saying it need not be presented", () => {
    const state = lin.spec.given(lin.draft(uascOnly, linPapers)).when(lin.cmd("socialWorker", { _tag: "Submit" })).state()
    expect(state).toMatchObject({
      status: "awaiting_approval",
      presentationOptional: [{ ruleId: "LIN-4", description: "Unaccompanied asylum-seeking children need not be presented to Support Panel" }]
    })
  })

  it("LIN-4: a request for siblings of whom only one is an unaccompanied asylum-seeking child is presented as usual", () => {
    const state = lin.spec.given(lin.draft(mixed, linPapers)).when(lin.cmd("socialWorker", { _tag: "Submit" })).state()
    expect(state?.presentationOptional).toEqual([])
  })

  it("LIN-4: the administrator closes such a request citing LIN-4, with or without naming where it goes", () => {
    const closed = lin.spec.given(lin.draft(uascOnly, [])).when(lin.cmd("administrator", redirect({ ruleId: "LIN-4" }))).state()
    expect(closed).toMatchObject({ status: "redirected", closedReason: "Decided elsewhere" })
    expect(closed?.redirectedTo).toBeUndefined()
    const routed = lin.spec.given(lin.draft(uascOnly, [])).when(lin.cmd("administrator", redirect({ ruleId: "LIN-4", redirectTo: "UASC team" }))).events()
    expect(routed).toMatchObject([{ _tag: "ReferralRedirected", ruleId: "LIN-4", redirectTo: "UASC team" }])
  })

  it("LIN-4: refuses to close a request under LIN-4 unless every child on it is an unaccompanied asylum-seeking child", () => {
    const refusal = lin.spec.given(lin.draft(mixed, [])).when(lin.cmd("administrator", redirect({ ruleId: "LIN-4" }))).refusal()
    expect(refusal).toMatchObject({ _tag: "RedirectNotAllowed", ruleId: "LIN-4" })
    expect(refusal.message).toBe(
      "LIN-4 does not apply to this request: it applies only when every child on it is an unaccompanied asylum-seeking child. " +
        "No rule of this panel sends it elsewhere: it stays with the panel unless it is withdrawn."
    )
  })

  it("LIN-4: refuses a redirection citing a rule this panel does not send requests away under", () => {
    const refusal = lin.spec.given(lin.draft(uascOnly, [])).when(lin.cmd("administrator", redirect({ ruleId: "NSO-7", redirectTo: "x" }))).refusal()
    expect(refusal.message).toBe("NSO-7 is not a rule of this panel that sends a request elsewhere. It may leave this panel under LIN-4.")
  })

  test.prop([fc.array(fc.record({ uasc: fc.boolean(), disabled: fc.boolean() }), { minLength: 0, maxLength: 4 })])(
    "LIN-4: whatever the children, closing under LIN-4 is accepted exactly when every child is an unaccompanied asylum-seeking child",
    (flags) => {
      const children = flags.map((flag, i) => child(i, flag))
      const outcome = Either.try(() => lin.spec.given(lin.draft({ children }, [])).when(lin.cmd("administrator", redirect({ ruleId: "LIN-4" }))).events())
      expect(Either.isRight(outcome)).toBe(children.length > 0 && children.every((candidate) => candidate.unaccompaniedAsylumSeeking))
    }
  )
})

describe("sent to another panel (NSO-7, NSO-6)", () => {
  const respite = { requestTypes: ["respite_or_family_support" as const], children: [child(1, { disabled: true })] }

  it("NSO-7: a disabled child's respite request goes to the Children with Disabilities panel the policy names", () => {
    const events = nso.spec.given(nso.draft(respite, [])).when(nso.cmd("administrator", redirect({ ruleId: "NSO-7", redirectTo: "the duty desk" }))).events()
    expect(events).toMatchObject([{ _tag: "ReferralRedirected", ruleId: "NSO-7", redirectTo: "Children with Disabilities panel" }])
  })

  it("NSO-7: special guardianship and adoption support go to their own route", () => {
    const state = nso.spec.given(nso.draft({ requestTypes: ["sgo_or_adoption_support"] }, [])).when(nso.cmd("viceChair", redirect({ ruleId: "NSO-7" }))).state()
    expect(state).toMatchObject({ status: "redirected", redirectedTo: "special guardianship and adoption support route" })
  })

  it("NSO-7: refused when the respite is part of care proceedings, saying when NSO-7 applies; it stays with this panel", () => {
    const history = nso.draft({ ...respite, partOfCareProceedings: true }, [])
    const refusal = nso.spec.given(history).when(nso.cmd("administrator", redirect({ ruleId: "NSO-7" }))).refusal()
    expect(refusal.message).toBe(
      "NSO-7 does not apply to this request: it applies only when the request is for respite or family support, a child on it is disabled, " +
        "and it is not part of care proceedings; or when the request is for a special guardianship or adoption support package. " +
        "No rule of this panel sends it elsewhere: it stays with the panel unless it is withdrawn."
    )
  })

  it("LIN-2: a request for something the panel does not decide leaves only to a named place", () => {
    const history = lin.draft({ requestTypes: ["sgo_or_adoption_support"] }, [])
    expect(lin.spec.given(history).when(lin.cmd("administrator", redirect({ ruleId: "LIN-2" }))).refusal().message).toBe(
      "Say where the request goes instead: LIN-2 does not name the panel that decides it."
    )
    const state = lin.spec.given(history).when(lin.cmd("administrator", redirect({ ruleId: "LIN-2", redirectTo: "Adoption support panel" }))).state()
    expect(state?.redirectedTo).toBe("Adoption support panel")
  })

  it("NSO-6: a request the panel decides cannot be sent away at all", () => {
    const refusal = nso.spec.given(nso.draft({}, [])).when(nso.cmd("administrator", redirect({ ruleId: "NSO-6", redirectTo: "x" }))).refusal()
    expect(refusal.message).toBe(
      "NSO-6 does not apply to this request: it applies only when the request is for something this panel does not decide. " +
        "No rule of this panel sends it elsewhere: it stays with the panel unless it is withdrawn."
    )
  })
})

describe("NSO-7 decided from the request's facts, not its label", () => {
  const nsoPapers: DocumentKind[] = ["assessment", "care_plan", "genogram"]
  const submit = (form: Partial<ReferralForm>) => nso.spec.given(nso.draft(form, nsoPapers)).when(nso.cmd("socialWorker", { _tag: "Submit" }))
  const disabled = [child(1, { disabled: true })]

  it("NSO-7: a disabled child's respite that is part of care proceedings is submitted to this panel, not refused", () => {
    expect(submit({ requestTypes: ["respite_or_family_support"], children: disabled, partOfCareProceedings: true }).state()?.status).toBe("awaiting_approval")
  })

  it("NSO-7: filed as \"other\" but asking for respite, it still goes to the Children with Disabilities panel", () => {
    expect(submit({ requestTypes: ["other"], children: disabled, respiteOrFamilySupport: true }).refusal()).toMatchObject({
      _tag: "OutOfScope",
      ruleId: "NSO-7",
      redirectTo: "Children with Disabilities panel"
    })
    const state = nso.spec
      .given(nso.draft({ requestTypes: ["other"], children: disabled, respiteOrFamilySupport: true }, []))
      .when(nso.cmd("administrator", redirect({ ruleId: "NSO-7" })))
      .state()
    expect(state?.redirectedTo).toBe("Children with Disabilities panel")
  })

  it("NSO-7: for a disabled child, a request filed as \"other\" says whether it asks for respite before it is submitted", () => {
    const refusal = submit({ requestTypes: ["other"], children: disabled })
    expect(refusal.refusal()).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "respiteOrFamilySupport", ruleId: "NSO-7" }]
    })
    expect(refusal.refusal().message).toContain("whether it asks for respite or family support (NSO-7: if so, the Children with Disabilities panel decides it)")
    expect(submit({ requestTypes: ["other"], children: disabled, respiteOrFamilySupport: false }).state()?.status).toBe("awaiting_approval")
    // Not asked where the answer changes nothing: no disabled child, or s20 accommodation.
    expect(submit({ requestTypes: ["other"], children: [child(1)] }).state()?.status).toBe("awaiting_approval")
    expect(submit({ requestTypes: ["s20_accommodation"], children: disabled }).state()?.status).toBe("awaiting_approval")
  })

  it("NSO-7: care proceedings are known from the facts: an interim care order (C1) or a care proceedings request on the same form", () => {
    const underIco = [{ ...child(1, { disabled: true }), legalStatus: "C1" }]
    expect(submit({ requestTypes: ["respite_or_family_support"], children: underIco }).state()?.status).toBe("awaiting_approval")
    expect(submit({ requestTypes: ["respite_or_family_support", "care_proceedings"], children: disabled }).state()?.status).toBe("awaiting_approval")
    expect(submit({ requestTypes: ["respite_or_family_support"], children: [{ ...child(1, { disabled: true }), legalStatus: "V2" }] }).refusal()).toMatchObject({
      ruleId: "NSO-7"
    })
  })

  test.prop([
    fc.record({
      label: fc.constantFrom("respite_or_family_support" as const, "other" as const, "expenditure" as const),
      asksRespite: fc.boolean(),
      disabled: fc.boolean(),
      flagged: fc.boolean(),
      ico: fc.boolean(),
      alsoProceedings: fc.boolean()
    })
  ])("NSO-7: sent elsewhere exactly when it asks for respite (by label or fact), a child is disabled, and no fact shows care proceedings", (facts) => {
    const form: Partial<ReferralForm> = {
      requestTypes: facts.alsoProceedings ? [facts.label, "care_proceedings"] : [facts.label],
      children: [{ ...child(1, { disabled: facts.disabled }), legalStatus: facts.ico ? "C1" : "V2" }],
      partOfCareProceedings: facts.flagged,
      respiteOrFamilySupport: facts.asksRespite
    }
    const outcome = Either.try(() => submit(form).refusal())
    const asksRespite = facts.label === "respite_or_family_support" || facts.asksRespite
    const proceedings = facts.flagged || facts.ico || facts.alsoProceedings
    if (asksRespite && facts.disabled && !proceedings) expect(Either.getOrThrow(outcome)).toMatchObject({ _tag: "OutOfScope", ruleId: "NSO-7" })
    else expect(Either.isLeft(outcome)).toBe(true)
  })
})
