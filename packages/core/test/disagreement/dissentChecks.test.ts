import { describe, expect, it } from "@effect/vitest"
import { ActionId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { actorAt } from "../../src/testing/actors.js"
import { attending, decisionAtPanel, panelOf } from "./fixtures.js"

const sup = panelOf("support-panels")
const { member, chair } = sup.staff
const deputy = actorAt("support-panels")("Jo Wrenfield", "panel_member")
const dissentOf = (overrides: Record<string, unknown>, actor: "member" | "chair" = "member") => sup.recordDissent(actor, overrides)

describe("a dissent is checked against its decision (CPR-7)", () => {
  it("CPR-7: the request and the sitting are the decision's own, whatever the caller leaves out", () => {
    const state = sup.spec.given([]).when(dissentOf({ decision: decisionAtPanel({ sittingId: "sit_16jun" }) })).state()
    expect(state).toMatchObject({ decisionId: "dec_1", referralId: "ref_1", sittingId: "sit_16jun", attendance: "not_recorded" })
  })

  it("CPR-7: refuses a dissent that names another request or another sitting than the decision's", () => {
    const request = sup.spec.given([]).when(dissentOf({ referralId: ReferralId.make("ref_7") })).refusal()
    expect(request).toMatchObject({
      _tag: "DissentDoesNotMatchDecision",
      field: "referralId",
      message: "Decision dec_1 is about request ref_1, not ref_7: check which decision the member dissents from."
    })
    const sitting = sup.spec.given([]).when(dissentOf({ sittingId: SittingId.make("sit_2") })).refusal()
    expect(sitting).toMatchObject({
      _tag: "DissentDoesNotMatchDecision",
      field: "sittingId",
      message: "Decision dec_1 was made at the sitting on Wed 9 Jun 2027, not at sitting sit_2: check which decision the member dissents from."
    })
    expect(sup.spec.given([]).when(dissentOf({ referralId: ReferralId.make("ref_1"), sittingId: SittingId.make("sit_9jun") })).events()).toHaveLength(1)
  })

  it("CPR-7: refuses a dissent from a decision agreed outside panel", () => {
    const { sitting: _, ...outside } = decisionAtPanel()
    const refusal = sup.spec.given([]).when(dissentOf({ decision: { ...outside, madeAt: "outside_panel" } })).refusal()
    expect(refusal).toMatchObject({
      _tag: "NotAPanelDecision",
      ruleId: "SUP-8",
      message: "Decision dec_1 was agreed outside panel: a formal dissent is recorded against a decision made at a sitting, by a member who took part in it (SUP-8)."
    })
  })

  it("CPR-7: a dissent from a recommended action takes the action's words from the decision, and refuses an action it does not have", () => {
    const state = sup.spec.given([]).when(dissentOf({ dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_2"), action: "something else" } })).state()
    expect(state?.dissentsFrom).toEqual({ _tag: "RecommendedAction", actionId: "act_2", action: "Family group conference within 2 weeks" })
    const refusal = sup.spec.given([]).when(dissentOf({ dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_9") } })).refusal()
    expect(refusal).toMatchObject({
      _tag: "DissentDoesNotMatchDecision",
      field: "dissentsFrom",
      message: "Decision dec_1 has no recommended action act_9: choose one of its 1 recommended actions (SUP-8)."
    })
  })
})

describe("only a member at the sitting dissents from its decision (CPR-7)", () => {
  const taken = (...entries: ReturnType<typeof attending>[]) => decisionAtPanel({ attendance: [attending(chair, "present", "Chair"), ...entries] })

  it("CPR-7: once attendance is taken, a member recorded present, or a deputy standing in, may dissent", () => {
    expect(sup.spec.given([]).when(dissentOf({ decision: taken(attending(member)) })).state()?.attendance).toBe("present")
    const byDeputy = dissentOf({ decision: taken(attending(deputy, "deputy")), member: { personId: deputy.personId, name: deputy.name } }, "chair")
    expect(sup.spec.given([]).when(byDeputy).state()).toMatchObject({ attendance: "deputy", member: { name: "Jo Wrenfield" } })
  })

  it("CPR-7: refuses a member who sent apologies, observed, only confirmed, or is not recorded at all", () => {
    const refusalFor = (decision: ReturnType<typeof taken>) => sup.spec.given([]).when(dissentOf({ decision })).refusal()
    expect(refusalFor(taken(attending(member, "apologies")))).toMatchObject({
      _tag: "MemberNotAtSitting",
      ruleId: "SUP-8",
      attendance: "apologies",
      message: "Sam Jessop sent apologies for the sitting on Wed 9 Jun 2027, so cannot formally dissent from its decisions (SUP-8). If they attended after all, correct the attendance first; if a member present represented them, record Sam Jessop as represented by that member first, who then voices their dissent."
    })
    expect(refusalFor(taken(attending(member, "observer"))).message).toBe(
      "Sam Jessop attended the sitting on Wed 9 Jun 2027 as an observer; observers take no part in the decision, so cannot formally dissent from it (SUP-8)."
    )
    expect(refusalFor(taken(attending(member, "confirmed"))).message).toBe(
      "Sam Jessop confirmed they would attend the sitting on Wed 9 Jun 2027 but is not recorded as present: record their attendance first, then their dissent (SUP-8)."
    )
    expect(refusalFor(taken())).toMatchObject({
      attendance: "not_recorded",
      message:
        "Sam Jessop is not recorded as attending the sitting on Wed 9 Jun 2027: only a member who attended, or a deputy standing in, can formally dissent from its decisions (SUP-8). If they attended, record their attendance first."
    })
  })

  it("CPR-7: before anyone's attendance is taken the dissent is recorded, marked as not checked", () => {
    // Only apologies and confirmations so far: nobody is recorded at the sitting yet.
    const early = decisionAtPanel({ attendance: [attending(member, "confirmed"), attending(deputy, "apologies")] })
    const [event] = sup.spec.given([]).when(dissentOf({ decision: early })).events()
    expect(event).toMatchObject({ _tag: "DissentRecorded", attendance: "not_recorded" })
  })
})
