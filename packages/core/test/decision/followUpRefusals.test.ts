import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ActionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { content, decisionsAt, outsidePanelAgreement } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const cpr = decisionsAt("care-planning")
const received = (actionId: string) => ({ _tag: "RecordFgcReferralReceived", actionId: ActionId.make(actionId) })
/** A second FGC referral beside the fixture's act_1: one for the father's side of the family. */
const fathersFgc = { actionId: ActionId.make("act_3"), description: "Refer the father's family to the FGC service", ownerRole: "social_worker" as const, dueDate: "2027-06-23" as LocalDate, fgcReferral: true }

describe("what the follow-up steps refuse, and in which words", () => {
  it("given an authority that asks for no actions case note, when a team manager records one, then they are told so", () => {
    const refusal = cpr.spec.given(cpr.signed({ minutes: undefined })).when(cpr.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "All done" })).refusal()
    expect(refusal).toMatchObject({ _tag: "NotApplicable", message: "This authority does not ask for an actions case note." })
  })

  it("LIN-9: given a decision with no action act_9, when the FGC service's receipt of act_9 is recorded, then it is refused, citing the FGC referral rule", () => {
    expect(lin.spec.given(lin.signed()).when(lin.cmd("administrator", received("act_9"))).refusal()).toMatchObject({
      _tag: "NoSuchAction",
      message: "This decision has no Family Group Conference referral act_9 (LIN-9)."
    })
  })

  it("given an authority with no FGC referral rule, when the receipt of an action that is not an FGC referral is recorded, then the refusal cites no rule", () => {
    expect(nso.spec.given(nso.signed()).when(nso.cmd("administrator", received("act_2"))).refusal()).toMatchObject({
      _tag: "NoSuchAction",
      message: "This decision has no Family Group Conference referral act_2."
    })
  })

  it("LIN-9: given two FGC referrals, when the service has received the first, then the second is still recorded, and the first again is refused", () => {
    const twoReferrals = lin.signed({ actions: [...content().actions, fathersFgc] })
    const first = lin.spec.play([lin.cmd("administrator", received("act_1"))], twoReferrals)
    expect(lin.spec.given(first).when(lin.cmd("administrator", received("act_3"))).state()!.fgcReferralsReceived.map((entry) => entry.actionId)).toEqual(["act_1", "act_3"])
    expect(lin.spec.given(first).when(lin.cmd("administrator", received("act_1"))).refusal()).toMatchObject({
      _tag: "ActionAlreadyClosed",
      message: "The FGC service has already received this referral."
    })
  })

  it("LIN-12: given the supervision after accommodation agreed outside panel is recorded, when it is recorded again, then the team manager is told it is already recorded", () => {
    const agreed = lin.spec.play([lin.cmd("assistantDirector", outsidePanelAgreement(["s20_accommodation"], { content: content(), placedAt: london("2027-06-07", "18:00") }), london("2027-06-07", "19:00"))])
    const task = { _tag: "RecordS20Task", task: "supervision", note: "Supervision held" }
    const done = lin.spec.play([lin.cmd("teamManager", task)], agreed)
    expect(lin.spec.given(done).when(lin.cmd("teamManager", task)).refusal()).toMatchObject({ _tag: "ActionAlreadyClosed", message: "That task is already recorded." })
  })

  it("LIN-8: given a decision the chair has not signed off, when the service manager approves alternative action, then they are told it is not final yet", () => {
    const change = { _tag: "ApproveChangeOfCircumstances", circumstances: "Grandmother taken ill", alternativeAction: "Short foster placement" }
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("serviceManager", change)).refusal()).toMatchObject({
      _tag: "DecisionNotFinal",
      message: "This decision is not final yet: it is still waiting for sign-off or agreement."
    })
  })
})
