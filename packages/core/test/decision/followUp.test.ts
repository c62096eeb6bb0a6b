import { describe, expect, it } from "@effect/vitest"
import { ActionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { decisionsAt } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const cpr = decisionsAt("care-planning")
const act = (id: string) => ActionId.make(id)

describe("decision decider: actions", () => {
  it("LIN-6: completes an action with evidence, or records why it is outstanding", () => {
    const completed = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("act_1"), evidence: "FGC held 20 June" })], lin.signed())
    expect(lin.spec.given(completed).when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("act_1"), evidence: "again" })).refusal()._tag).toBe("ActionAlreadyClosed")
    const outstanding = lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: act("act_2"), reason: "Parents' address unknown" })).state()
    expect(outstanding!.content.actions[1]!.progress).toMatchObject({ _tag: "Outstanding", reason: "Parents' address unknown" })
    expect(lin.spec.given(lin.signed()).when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("nope"), evidence: "x" })).refusal()._tag).toBe("NoSuchAction")
  })

  it("LIN-6: an action that does not exist, or is already completed, cannot be marked outstanding", () => {
    const completed = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("act_1"), evidence: "FGC held 20 June" })], lin.signed())
    expect(lin.spec.given(completed).when(lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: act("act_1"), reason: "Late" })).refusal()).toMatchObject({
      _tag: "ActionAlreadyClosed",
      message: '"Hold a family group conference" is already completed.'
    })
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: act("act_9"), reason: "Late" })).refusal()).toMatchObject({
      _tag: "NoSuchAction",
      message: "This decision has no action act_9."
    })
  })

  it("LIN-6: the actions case note is refused while an action is neither done nor explained", () => {
    const refusal = lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "Update" })).refusal()
    expect(refusal).toMatchObject({ _tag: "ActionsNotUpdated", actionIds: ["act_1", "act_2"] })
    expect(refusal.message).toContain("(LIN-6)")
    const updated = lin.spec.play(
      [
        lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("act_1"), evidence: "FGC held" }),
        lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: act("act_2"), reason: "Waiting for address" })
      ],
      lin.signed()
    )
    expect(lin.spec.given(updated).when(lin.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "Support Panel Actions" })).state()!.actionsCaseNoteAt).toBeDefined()
    expect(cpr.spec.given(cpr.recorded({ minutes: undefined }, ["placement_change"])).when(cpr.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "x" })).refusal()._tag).toBe("NotApplicable")
  })

  it("LIN-9: records the FGC service receiving the referral, once, and only for an FGC action", () => {
    const received = lin.spec.play([lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: act("act_1") })], lin.signed())
    expect(lin.spec.given(received).when(lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: act("act_1") })).refusal()._tag).toBe("ActionAlreadyClosed")
    expect(lin.spec.given(lin.signed()).when(lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: act("act_2") })).refusal().message).toContain("(LIN-9)")
  })

  it("LIN-8: a change of circumstances needs the locality service manager's approval", () => {
    const body = { _tag: "ApproveChangeOfCircumstances", circumstances: "Grandmother can now care", alternativeAction: "Child to stay with grandmother" }
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", body)).refusal()).toMatchObject({ _tag: "NotTheRightPerson", ruleId: "LIN-8" })
    expect(lin.spec.given(lin.signed()).when(lin.cmd("serviceManager", body)).state()!.changesOfCircumstances).toHaveLength(1)
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("serviceManager", body)).refusal()._tag).toBe("DecisionNotFinal")
    // Care Planning names nobody to approve alternative action: the decision is carried out, or amended.
    const signed = cpr.spec.play([cpr.cmd("chair", { _tag: "SignOff" })], cpr.recorded({ minutes: undefined }, ["placement_change"]))
    expect(cpr.spec.given(signed).when(cpr.cmd("serviceManager", body)).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "This authority sets no approver for a change of circumstances."
    })
  })

  const withReturn = lin.signed({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })
  const waive = (when = london("2027-07-01", "10:00")) => lin.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "Home conditions improved; emailed Safeguarding & Review" }, when)

  it("LIN-7: a return to panel may be closed by a case note when progress makes it unnecessary, once", () => {
    expect(lin.spec.given(withReturn).when(waive()).state()!.returnWaived).toBeDefined()
    // A decline with no return date asks nothing back (an approval's accommodation does: accommodationReturnClosedByCaseNote.test.ts).
    expect(lin.spec.given(lin.signed({ outcome: "decline", agreed: {} })).when(waive()).refusal()._tag).toBe("NotApplicable")
    expect(lin.spec.given(lin.spec.play([waive()], withReturn)).when(waive()).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message: "The return to panel was already closed by case note."
    })
  })

  it("LIN-7: the case note closes the return only within its timescale; after it the case comes back to panel", () => {
    expect(lin.spec.given(withReturn).when(waive(london("2027-07-21", "13:00"))).events()).toHaveLength(1)
    const refusal = lin.spec.given(withReturn).when(waive(london("2027-07-21", "13:01"))).refusal()
    expect(refusal).toMatchObject({ _tag: "ReturnOverdue", ruleId: "LIN-7", due: "2027-07-21T12:00:00.000Z" })
    expect(refusal.message).toBe(
      "The return to panel was due by 13:00 Wed 21 Jul 2027 (LIN-7: 6 weeks after the sitting on Wed 9 Jun 2027). It is too late to close it by case note: bring the case back to panel."
    )
  })

  it("refuses any command on a decision that does not exist", () => {
    expect(lin.spec.given([]).when(lin.cmd("chair", { _tag: "SignOff" })).refusal()._tag).toBe("NoSuchRecord")
    expect(lin.spec.given([]).when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: act("act_1"), evidence: "x" })).refusal()._tag).toBe("NoSuchRecord")
  })
})

describe("refusals of follow-up steps cite only the authority's own rules", () => {
  const nso = decisionsAt("north-somerset")
  const refusalOf = (body: Record<string, unknown>) => nso.spec.given(nso.signed()).when(nso.cmd("administrator", body)).refusal()

  it("LIN-12, LIN-9, CPR-6: at North Somerset, 48-hour tasks, an FGC referral and a Complex Needs template are refused without citing LIN-12, LIN-9 or CPR-6", () => {
    const refusals = [
      refusalOf({ _tag: "RecordS20Task", task: "supervision", note: "Supervision held" }),
      refusalOf({ _tag: "RecordFgcReferralReceived", actionId: act("act_2") }),
      refusalOf({ _tag: "RecordComplexNeedsTemplateSent", note: "Emailed" })
    ]
    expect(refusals.map((refusal) => refusal._tag)).toEqual(["NotApplicable", "NoSuchAction", "NotApplicable"])
    for (const refusal of refusals) expect(refusal.message).not.toMatch(/\b(?:LIN|CPR|KNO|SUP)-\d+/)
    expect(refusals[0]!.message).toBe("This authority's policy sets no 48-hour tasks after section 20 accommodation agreed outside panel.")
  })
})

