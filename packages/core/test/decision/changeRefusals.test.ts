import { describe, expect, it } from "@effect/vitest"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { ActionId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, outsidePanelAgreement, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const sup = decisionsAt("support-panels")

describe("what the decider refuses on a decision's changes, and in which words", () => {
  it("DEF-CHAIR-SIGNS: given the chair has signed the decision off, when they sign it again, then they are told it is already signed off", () => {
    expect(lin.spec.given(lin.signed()).when(lin.cmd("chair", { _tag: "SignOff" })).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message: "This decision is already signed off."
    })
  })

  it("given a decision made at panel, when the Assistant Director agrees it as if outside panel, then they are told it was made at panel", () => {
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" })).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "This decision was made at panel, not outside it."
    })
  })

  it("given no decision was recorded, when someone edits it or completes one of its actions, then they are told there is no such decision", () => {
    const nothing = lin.spec.given([])
    expect(nothing.when(lin.cmd("administrator", { _tag: "EditDecision", content: content() })).refusal()).toMatchObject({
      _tag: "NoSuchRecord",
      message: "There is no such decision."
    })
    expect(nothing.when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_1"), evidence: "FGC held" })).refusal()).toMatchObject({
      _tag: "NoSuchRecord",
      message: "There is no such decision."
    })
  })

  it("given an authority whose policy asks no sign-off, when a decision it recorded is edited, then the edit is refused: the decision is final from its recording", () => {
    const context = contextOf("lincolnshire")
    const noSignOff = deciderSpec(decisionDecider, { ...context, policy: { ...context.policy, decision: { ...context.policy.decision, signOff: [] } } })
    const recording = { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content() }
    const recorded = noSignOff.play([lin.cmd("administrator", recording)])
    expect(noSignOff.given([]).when(lin.cmd("administrator", recording)).state()!.status).toBe("final")
    expect(noSignOff.given(recorded).when(lin.cmd("administrator", { _tag: "EditDecision", content: content({ rationale: "Changed" }) })).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message: "This decision has been signed or agreed: record an amendment saying what changed and why."
    })
  })

  it("SUP-7: given an urgent authorisation asking for two things the Head of Service may not authorise, then the refusal names both", () => {
    const agreement = outsidePanelAgreement(["care_proceedings", "placement_change", "s20_accommodation"], {
      content: content({ minutes: undefined, agreed: { careProceedings: true, placement: "in_house_foster" } })
    })
    expect(sup.spec.given([]).when(sup.cmd("headOfService", agreement, london("2027-06-07", "19:00"))).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message:
        "An agreement outside panel does not cover changing a placement or accommodation under section 20 (SUP-7): bring that to a sitting, or record the rest as its own request."
    })
  })
})
