import { describe, expect, it } from "@effect/vitest"
import { ActionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { content, decisionId, decisionsAt, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const blankMinutes = { workingWell: "Grandmother visits daily", worries: " ", needsToHappen: "FGC within 2 weeks" }

describe("decision decider: edits and amendments", () => {
  it("edits before sign-off; after sign-off refuses edits and points to an amendment", () => {
    const edited = lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content({ rationale: "Clearer rationale" }) })).state()
    expect(edited!.content.rationale).toBe("Clearer rationale")
    const refusal = lin.spec.given(lin.signed()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content() })).refusal()
    expect(refusal).toMatchObject({ _tag: "DecisionIsFinal", message: "This decision has been signed or agreed: record an amendment saying what changed and why." })
  })

  it("LIN-5: an edit or an amendment that blanks part of the minutes is refused, naming it", () => {
    const edit = lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content({ minutes: blankMinutes }) })).refusal()
    expect(edit).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "minutes.worries", ruleId: "LIN-5" }] })
    const amend = lin.spec.given(lin.signed()).when(lin.cmd("chair", { _tag: "AmendDecision", content: content({ minutes: blankMinutes }), whatChanged: "Minutes", why: "Typo" })).refusal()
    expect(amend).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "minutes.worries" }] })
  })

  it("an amendment is approved by the chair, vice chair or Assistant Director who records it; the original stays in the log", () => {
    const events = lin.spec.given(lin.signed()).when(
      lin.cmd("chair", { _tag: "AmendDecision", content: content({ agreed: { accommodationWeeks: 8, placement: "in_house_foster" } }), whatChanged: "Accommodation 8 weeks, not 6", why: "Typing error in the record" })
    ).events()
    expect(events).toMatchObject([
      { _tag: "DecisionAmended", whatChanged: "Accommodation 8 weeks, not 6", approvedBy: { name: "Martin Gorsley", role: "panel_chair" }, by: { name: "Martin Gorsley" } }
    ])
    expect(lin.spec.given(lin.signed()).when(lin.cmd("viceChair", { _tag: "AmendDecision", content: content(), whatChanged: "x", why: "y" })).events()).toMatchObject([
      { approvedBy: { name: "Alys Hartwell", role: "vice_chair" } }
    ])
    const refusals = [
      lin.spec.given(lin.recorded()).when(lin.cmd("chair", { _tag: "AmendDecision", content: content(), whatChanged: "x", why: "y" })).refusal()._tag,
      lin.spec.given(lin.signed()).when(lin.cmd("administrator", { _tag: "AmendDecision", content: content(), whatChanged: "x", why: "y" })).refusal()
    ]
    expect(refusals).toMatchObject([
      "DecisionNotFinal",
      { _tag: "NotTheRightPerson", message: "A signed decision is amended by the panel chair, vice chair or Assistant Director, who approves the correction." }
    ])
  })

  it("amending keeps the progress of actions it still lists", () => {
    const done = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_2"), evidence: "Letter sent 10 June" })], lin.signed())
    const amended = lin.spec.given(done).when(lin.cmd("chair", { _tag: "AmendDecision", content: content({ rationale: "Corrected" }), whatChanged: "rationale", why: "typo" })).state()
    expect(amended!.content.actions.find((action) => action.actionId === "act_2")!.progress._tag).toBe("Completed")
  })

  it("LIN-11: an agreement outside panel stays an agreement when amended", () => {
    const agreed = lin.spec.play([
      lin.cmd("assistantDirector", {
        _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content(),
        whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt: london("2027-06-09", "12:00")
      })
    ])
    const refusal = lin.spec.given(agreed).when(lin.cmd("assistantDirector", { _tag: "AmendDecision", content: content({ outcome: "defer" }), whatChanged: "Outcome", why: "Wrong" })).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "outcome", ruleId: "LIN-11" }] })
  })
})
