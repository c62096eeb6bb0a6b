import { describe, expect, it } from "@effect/vitest"
import { ActionId } from "../../src/shared/ids.js"
import { actorAt } from "../../src/testing/actors.js"
import { attending, decisionAtPanel, panelOf } from "./fixtures.js"

const sup = panelOf("support-panels")
const deputy = actorAt("support-panels")("Jo Wrenfield", "panel_member")

describe("a dissent checked against a sitting with only deputies, and a decision with no actions (CPR-7)", () => {
  it("CPR-7: given only a deputy is recorded at the sitting, when a member not recorded there dissents, then the dissent is refused as attendance has been taken", () => {
    const onlyDeputy = decisionAtPanel({ attendance: [attending(deputy, "deputy")] })
    const refusal = sup.spec.given([]).when(sup.recordDissent("member", { decision: onlyDeputy })).refusal()
    expect(refusal).toMatchObject({ _tag: "MemberNotAtSitting", attendance: "not_recorded" })
  })

  it("CPR-7: given a decision that recommends no actions, when a member dissents from one of its actions, then the refusal says the dissent is from the decision itself", () => {
    const noActions = { ...decisionAtPanel(), actions: [] }
    const dissentsFrom = { _tag: "RecommendedAction", actionId: ActionId.make("act_2") }
    const refusal = sup.spec.given([]).when(sup.recordDissent("member", { decision: noActions, dissentsFrom })).refusal()
    expect(refusal).toMatchObject({
      _tag: "DissentDoesNotMatchDecision",
      field: "dissentsFrom",
      message: "Decision dec_1 recommends no actions, so the dissent is from the decision itself (SUP-8)."
    })
  })
})
