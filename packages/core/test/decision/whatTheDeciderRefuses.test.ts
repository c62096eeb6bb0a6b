import { describe, expect, it } from "@effect/vitest"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { ActionId, PanelId, PersonId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, outsidePanelAgreement, planningMeeting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const kno = decisionsAt("knowsley")
const cpr = decisionsAt("care-planning")
const visit = planningMeeting
const evening = london("2027-06-07", "19:00")
const urgent = (types: ReturnType<typeof subject>["requestTypes"], overrides: Record<string, unknown> = {}) =>
  outsidePanelAgreement(types, { placedAt: london("2027-06-07", "18:00"), ...overrides })
/** Lincolnshire's policy with one change, for the branches no preset takes. */
const linWith = (change: (policy: AuthorityContext["policy"]) => AuthorityContext["policy"]) => {
  const context = contextOf("lincolnshire")
  return deciderSpec(decisionDecider, { ...context, policy: change(context.policy) })
}

describe("what the decider refuses, and in which words", () => {
  it("NSO-8: once the chair has signed, the decision is no longer edited, though the Assistant Director has not finalised it", () => {
    const signedByChair = nso.spec.play([nso.cmd("chair", { _tag: "SignOff" })], nso.recorded({ minutes: undefined }))
    expect(nso.spec.given(signedByChair).when(nso.cmd("administrator", { _tag: "EditDecision", content: content({ minutes: undefined, rationale: "Changed" }) })).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message:
        "This decision has been signed off (NSO-8) and is waiting for the Assistant Director to sign it off: it is no longer edited. Once it is final, record an amendment saying what changed and why."
    })
  })

  it("NSO-10: an agreement outside panel with one of its two agreements is no longer edited, and the refusal says whose agreement it waits for", () => {
    const halfAgreed = nso.spec.given([]).when(nso.cmd("headOfService", urgent(["s20_accommodation"]), evening)).events()
    expect(nso.spec.given(halfAgreed).when(nso.cmd("headOfService", { _tag: "EditDecision", content: content({ minutes: undefined, actions: [visit], rationale: "Changed" }) })).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message:
        "This agreement outside panel has been given by the head of service and is waiting for the Assistant Director (NSO-10): it is no longer edited. Once everyone needed has agreed, record an amendment saying what changed and why."
    })
  })

  it("KNO-5: an emergency LPM recorded by a social worker, not yet agreed, is edited without being asked again when the LPM is held", () => {
    const lpm = { content: content({ minutes: undefined, actions: [visit], agreed: { legalPlanningMeeting: true } }), placedAt: undefined, lpmAt: london("2027-06-14", "10:00") }
    const recorded = kno.spec.given([]).when(kno.cmd("socialWorker", urgent(["legal_planning_meeting"], lpm), evening)).events()
    const edited = kno.spec.given(recorded).when(kno.cmd("socialWorker", { _tag: "EditDecision", content: { ...lpm.content, rationale: "Threshold met overnight" } }))
    expect(edited.state()).toMatchObject({ status: "awaiting_agreement", content: { rationale: "Threshold met overnight" }, outsidePanel: { lpmAt: london("2027-06-14", "10:00") } })
  })

  it("NSO-10: recorded by someone who may agree neither part, the refusal names both agreements still needed", () => {
    const recorded = nso.spec.given([]).when(nso.cmd("serviceManager", urgent(["s20_accommodation"]), evening)).events()
    expect(nso.spec.given(recorded).when(nso.cmd("teamManager", { _tag: "AgreeOutsidePanel" })).refusal()).toMatchObject({
      _tag: "NotTheRightPerson",
      ruleId: "NSO-10",
      message: "This agreement is waiting for the head of service and the Assistant Director (NSO-10)."
    })
  })

  it("DEF-CHAIR-SIGNS: at Lincolnshire a vice chair who chaired the sitting signs it off, under the vice chair's role", () => {
    const signed = lin.spec.given(lin.recorded({}, undefined, "viceChair")).when(lin.cmd("viceChair", { _tag: "SignOff" })).state()
    expect(signed).toMatchObject({ status: "final", signOffs: [{ role: "vice_chair", ruleId: "DEF-CHAIR-SIGNS", by: { name: "Alys Hartwell" } }] })
  })

  it("KNO-5: a request no one may agree outside panel is refused, citing the authority's rule", () => {
    expect(kno.spec.given([]).when(kno.cmd("serviceManager", urgent(["edge_of_care_resource"], { placedAt: undefined }), evening)).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "This authority does not agree these requests outside panel (KNO-5): bring them to a sitting."
    })
  })

  it("a sitting of a panel no longer in the policy records decisions without the chair's say on numbers, and names no rule when the chair found it short", () => {
    const retired = { panelId: PanelId.make("retired-panel") }
    const { quorum: _, ...unsettled } = heldSitting("lincolnshire", retired)
    const record = (sitting: object) =>
      lin.spec.given([]).when(lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting, content: content() }))
    expect(record(unsettled).state()!.status).toBe("awaiting_sign_off")
    const short = record(heldSitting("lincolnshire", { ...retired, quorum: { enough: false, chair: { personId: PersonId.make("martin-gorsley"), name: "Martin Gorsley" } } }))
    expect(short.refusal().message).toBe(
      "The panel's chair, Martin Gorsley, recorded that too few members were present on Wed 9 Jun 2027: the sitting decides nothing. Put the request on another sitting."
    )
  })

  it("a policy that asks for no sign-off makes a decision final when it is recorded", () => {
    const noSignOff = linWith((policy) => ({ ...policy, decision: { ...policy.decision, signOff: [] } }))
    const recorded = noSignOff.given([]).when(lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content() }))
    expect(recorded.state()).toMatchObject({ status: "final", pendingSignOffs: [] })
  })

  it("LIN-7, CPR-10: closing a return by case note is Lincolnshire's; at Care Planning a review date set by the panel is not closed so", () => {
    const signed = cpr.spec.play([cpr.cmd("chair", { _tag: "SignOff" })], cpr.recorded({ minutes: undefined, returnToPanel: { withinWeeks: 6, ruleId: "CPR-10" } }, ["placement_change"]))
    expect(cpr.spec.given(signed).when(cpr.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "Progress made" }, london("2027-06-20", "10:00"))).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "There is no return to panel to close by case note here."
    })
  })

  it("LIN-6: the refusal of the actions case note names each action still open", () => {
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "Update" })).refusal().message).toBe(
      'The case note updates every action (LIN-6): complete these or give the reason they are outstanding: "Hold a family group conference", "Write to the parents".'
    )
  })

  it("LIN-8: a team manager is told only the service manager approves alternative action", () => {
    const body = { _tag: "ApproveChangeOfCircumstances", circumstances: "Grandmother can now care", alternativeAction: "Child to stay with grandmother" }
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", body)).refusal().message).toBe(
      "Only the service manager approves alternative action when circumstances change (LIN-8)."
    )
  })

  it("LIN-12: 48-hour tasks are refused on a decision made at panel, citing LIN-12", () => {
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "RecordS20Task", task: "supervision", note: "x" })).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "The 48-hour tasks apply to section 20 accommodation agreed outside panel (LIN-12)."
    })
  })
})

describe("what a decision keeps when its history is read again", () => {
  it("LIN-6, LIN-7, LIN-8, LIN-12: an amendment, a change of circumstances, a waived return, an action's reason and a task's note are kept with who and when", () => {
    const at = london("2027-06-20", "10:00")
    const history = lin.spec.play(
      [
        lin.cmd("chair", { _tag: "AmendDecision", content: content({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } }), whatChanged: "Return in 6 weeks", why: "Left off the record" }, at),
        lin.cmd("serviceManager", { _tag: "ApproveChangeOfCircumstances", circumstances: "Grandmother can now care", alternativeAction: "Stay with grandmother" }, at),
        lin.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "Home conditions improved" }, at)
      ],
      lin.signed()
    )
    const decision = lin.spec.given(history).when(lin.cmd("socialWorker", { _tag: "MarkActionOutstanding", actionId: ActionId.make("act_1"), reason: "Family away" }, at)).state()!
    expect(decision.amendments).toMatchObject([{ whatChanged: "Return in 6 weeks", why: "Left off the record", approvedBy: { name: "Martin Gorsley", role: "panel_chair" }, at }])
    expect(decision.changesOfCircumstances).toMatchObject([{ circumstances: "Grandmother can now care", alternativeAction: "Stay with grandmother", by: { name: "Owen Ellery" }, at }])
    expect(decision.returnWaived).toMatchObject({ caseNote: "Home conditions improved", by: { name: "Tom Brackley" }, at })
    expect(decision.content.actions[0]!.progress).toMatchObject({ _tag: "Outstanding", reason: "Family away", by: { name: "Priya Ashdown" }, at })
    const agreed = lin.spec.play([
      lin.cmd("assistantDirector", urgent(["s20_accommodation"], { content: content({ actions: [visit] }) }), evening),
      lin.cmd("teamManager", { _tag: "RecordS20Task", task: "supervision", note: "Supervision held with the practice supervisor" }, at)
    ])
    expect(lin.spec.given(agreed).when(lin.cmd("teamManager", { _tag: "RecordS20Task", task: "parents_letter", note: "Letter handed over" }, at)).state()!.outsidePanel).toMatchObject({
      placedAt: london("2027-06-07", "18:00"),
      s20TasksDone: [
        { task: "supervision", note: "Supervision held with the practice supervisor", at },
        { task: "parents_letter", note: "Letter handed over", at }
      ]
    })
  })
})
