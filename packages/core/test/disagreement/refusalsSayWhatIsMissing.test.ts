import { describe, expect, it } from "@effect/vitest"
import { panelOf, partyOf } from "./fixtures.js"

const sup = panelOf("support-panels")
const lin = panelOf("lincolnshire")

/** SUP-8: noted at panel and raised with the member's own manager, Tom Brackley. */
const supWithManager = () => sup.play([sup.recordDissent(), sup.noteAreas(), sup.escalate("member", "member_manager", "teamManager")])
const supWithDirector = () => sup.play([sup.escalate("teamManager", "assistant_director", "assistantDirector")], supWithManager())
/** LIN-13: noted at panel and taken by the chair to the Assistant Director. */
const linWithDirector = () => lin.play([lin.recordDissent(), lin.noteAreas(), lin.escalate("chair", "assistant_director", "assistantDirector")])

describe("a refused disagreement step says what is missing (SUP-8, LIN-13, CPR-7)", () => {
  it("SUP-8: given the manager takes it to the Assistant Director, when the Assistant Director's name is blank, then the refusal asks for the Assistant Director's name", () => {
    const blank = sup.cmd("teamManager", {
      _tag: "Escalate",
      step: "assistant_director",
      to: { personId: sup.staff.assistantDirector.personId, name: "  " }
    })
    expect(sup.spec.given(supWithManager()).when(blank).refusal()).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "to",
      message: "Give the name of the Assistant Director (SUP-8)."
    })
  })

  it("SUP-8: given it is with the Assistant Director, when a member records the outcome, then the refusal names the outcome as the step they may not take", () => {
    expect(sup.spec.given(supWithDirector()).when(sup.outcome("member")).refusal()).toMatchObject({
      _tag: "WrongPersonForStep",
      ruleId: "SUP-8",
      step: "outcome"
    })
  })

  it("LIN-13: given the chair records the outcome, when the Assistant Director it was agreed with has a blank name, then the refusal asks for that name", () => {
    const agreedWith = { ...partyOf(lin.staff.assistantDirector), name: " " }
    const refusal = lin.spec.given(linWithDirector()).when(lin.outcome("chair", { agreedWith })).refusal()
    expect(refusal).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "agreedWith",
      message: "Give the name of the Assistant Director the outcome was agreed with (LIN-13)."
    })
  })

  it("CPR-7: given the dissent is escalated, when the member withdraws it without a reason, then the refusal asks why", () => {
    const noReason = sup.cmd("member", { _tag: "Withdraw", reason: "  " })
    expect(sup.spec.given(supWithManager()).when(noReason).refusal()).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "reason",
      ruleId: "SUP-8",
      message: "Say why the dissent is withdrawn (SUP-8)."
    })
  })

  it("CPR-7: given the outcome is recorded, when the member withdraws the dissent, then the refusal says it is too late to withdraw and why", () => {
    const decided = sup.play([sup.outcome("assistantDirector")], supWithDirector())
    expect(sup.spec.given(decided).when(sup.withdraw()).refusal().message).toBe(
      "You cannot withdraw this dissent: its outcome has already been recorded."
    )
  })
})
