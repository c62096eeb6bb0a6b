import { describe, expect, it } from "@effect/vitest"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const lin = referralsAt("lincolnshire", "support-panel")
const uasc = [1, 2].map((n) => ({
  ...completeForm("support-panel").children[0]!,
  childId: ChildId.make(`child-${n}`),
  fullName: `Sami Testwood ${n}`,
  unaccompaniedAsylumSeeking: true
}))
/** Given a Lincolnshire draft, when the administrator sends it elsewhere. */
const redirect = (form: Parameters<typeof lin.draft>[0], body: Record<string, unknown>) =>
  lin.spec.given(lin.draft(form, [])).when(lin.cmd("administrator", { _tag: "Redirect", reason: "Decided elsewhere", ...body }))

describe("sending a request elsewhere, in the words the administrator reads (LIN-2, LIN-4)", () => {
  it("LIN-4, LIN-2: citing a rule of another panel names every rule this request may leave under", () => {
    const refusal = redirect({ requestTypes: ["sgo_or_adoption_support"], children: uasc }, { ruleId: "NSO-7", redirectTo: "x" }).refusal()
    expect(refusal.message).toBe("NSO-7 is not a rule of this panel that sends a request elsewhere. It may leave this panel under LIN-4 or LIN-2.")
  })

  it("LIN-2: a place of only spaces is no place: the administrator is asked to say where the request goes", () => {
    expect(redirect({ requestTypes: ["sgo_or_adoption_support"] }, { ruleId: "LIN-2", redirectTo: "   " }).refusal().message).toBe(
      "Say where the request goes instead: LIN-2 does not name the panel that decides it."
    )
  })

  it("LIN-4: a request the team manager has approved, ready for a sitting, is still closed under LIN-4", () => {
    const papers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const
    const submitted = lin.then(lin.draft({ children: uasc }, papers), lin.cmd("socialWorker", { _tag: "Submit" }))
    const ready = lin.then(submitted, lin.cmd("teamManager", { _tag: "Approve" }))
    const closed = lin.spec.given(ready).when(lin.cmd("administrator", { _tag: "Redirect", reason: "Decided elsewhere", ruleId: "LIN-4" })).state()
    expect(closed).toMatchObject({ status: "redirected", closedReason: "Decided elsewhere" })
  })

  it("LIN-4: a request closed with no place named still records the rule it was closed under", () => {
    expect(redirect({ children: uasc }, { ruleId: "LIN-4" }).events()).toEqual([expect.objectContaining({ _tag: "ReferralRedirected", ruleId: "LIN-4" })])
  })
})
