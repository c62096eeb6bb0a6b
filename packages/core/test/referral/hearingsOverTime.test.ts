import { describe, expect, it } from "@effect/vitest"
import { DecisionId, SittingId } from "../../src/shared/ids.js"
import { completeForm, london } from "../fixtures.js"
import { referralsAt, sittingOn } from "./fixtures.js"

// What a request keeps of its decisions as they come, are amended, or come after it was closed.

const panelId = "care-planning-and-resources"
const { spec, cmd, then, draft } = referralsAt("care-planning", panelId)
const wednesday = sittingOn("sit_9jun", panelId, "2027-06-09", "09:30")
/** Care Planning asks for no sign-off: ready on submission, after CPR-4's 17:00 Monday deadline for Wednesday 9 June. */
const readyLate = then(draft({}, ["referral_form"]), cmd("socialWorker", { _tag: "Submit" }, london("2027-06-07", "18:00")))
const acceptedLate = then(
  then(readyLate, cmd("chair", { _tag: "GrantLatePermission", sitting: wednesday, reason: "Placement breaking down" }, london("2027-06-07", "18:30"))),
  cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday }, london("2027-06-08", "09:00"))
)
const heard = (decision: string, outcome: "approve" | "decline" | "defer", sittingId?: string) =>
  cmd(
    "administrator",
    { _tag: "RecordHearing", decisionId: DecisionId.make(decision), outcome, ...(sittingId === undefined ? {} : { sittingId: SittingId.make(sittingId) }) },
    london("2027-06-09", "12:00")
  )
const revised = (decision: string, outcome: "approve" | "decline" | "defer") =>
  cmd("chair", { _tag: "ReviseHearing", decisionId: DecisionId.make(decision), outcome }, london("2027-06-10", "09:00"))

describe("a request's decisions over time", () => {
  it("CPR-4, CPR-8: a request let on late and deferred is back in line and no longer shown as accepted late", () => {
    const deferred = spec.given(acceptedLate).when(heard("dec_1", "defer", "sit_9jun")).state()!
    expect(deferred.status).toBe("ready")
    expect(deferred.acceptedLate).toBeUndefined()
  })

  it("CPR-8: a request agreed outside panel from its draft, then deferred at panel, is back in line from that hearing and can go on a sitting", () => {
    const agreedOutside = then(draft({}, ["referral_form"]), heard("dec_0", "approve"))
    const deferred = spec.given(agreedOutside).when(heard("dec_1", "defer", "sit_9jun")).state()!
    expect(deferred).toMatchObject({ status: "ready", readyAt: london("2027-06-09", "12:00") })
    const nextWeek = sittingOn("sit_16jun", panelId, "2027-06-16", "09:30")
    const accepted = spec.given(then(agreedOutside, heard("dec_1", "defer", "sit_9jun"))).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: nextWeek }, london("2027-06-10", "09:00")))
    expect(accepted.state()).toMatchObject({ status: "accepted", sittingId: "sit_16jun" })
    expect(accepted.events()).toMatchObject([{ _tag: "AcceptedOntoSitting", late: false }])
  })

  it("CPR-8: a deferred request later withdrawn stays withdrawn when the deferral is amended to an approval", () => {
    const deferred = then(acceptedLate, heard("dec_1", "defer", "sit_9jun"))
    const withdrawn = then(deferred, cmd("socialWorker", { _tag: "Withdraw", reason: "The family moved out of the area" }, london("2027-06-09", "15:00")))
    expect(spec.given(withdrawn).when(revised("dec_1", "approve")).state()).toMatchObject({
      status: "withdrawn",
      closedReason: "The family moved out of the area",
      hearings: [{ decisionId: "dec_1", outcome: "approve" }]
    })
  })

  it("LIN-4, CPR-8: a deferred request later closed as one that need not be presented stays closed when the deferral is amended", () => {
    const lincolnshire = referralsAt("lincolnshire", "support-panel")
    const papers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const
    const child = { ...completeForm("support-panel").children[0]!, fullName: "Ukaan Testwood", unaccompaniedAsylumSeeking: true }
    const submitted = lincolnshire.then(lincolnshire.draft({ children: [child] }, papers), lincolnshire.cmd("socialWorker", { _tag: "Submit" }))
    const ready = lincolnshire.then(submitted, lincolnshire.cmd("teamManager", { _tag: "Approve" }))
    const deferred = lincolnshire.then(ready, lincolnshire.cmd("administrator", { _tag: "RecordHearing", decisionId: DecisionId.make("dec_1"), outcome: "defer" }))
    const closed = lincolnshire.then(deferred, lincolnshire.cmd("administrator", { _tag: "Redirect", ruleId: "LIN-4", reason: "Need not be presented" }))
    const amended = lincolnshire.cmd("chair", { _tag: "ReviseHearing", decisionId: DecisionId.make("dec_1"), outcome: "approve" })
    expect(lincolnshire.spec.given(closed).when(amended).state()?.status).toBe("redirected")
  })

  it("two decisions made outside panel (no sitting) on one request both stand: only decisions of the same sitting clash", () => {
    const first = then(readyLate, heard("dec_1", "defer"))
    expect(spec.given(first).when(heard("dec_2", "approve")).state()).toMatchObject({
      status: "decided",
      hearings: [{ decisionId: "dec_1", outcome: "defer" }, { decisionId: "dec_2", outcome: "approve" }]
    })
  })

  it("amending a decision on a request that does not exist is refused as a missing record, not a crash", () => {
    expect(spec.given([]).when(revised("dec_1", "approve")).refusal()._tag).toBe("NoSuchRecord")
  })

  it("CPR-8: of two decisions, amending the later one changes that one and leaves the earlier deferral as it was", () => {
    const twice = then(then(acceptedLate, heard("dec_1", "defer", "sit_9jun")), heard("dec_2", "approve", "sit_16jun"))
    expect(spec.given(twice).when(revised("dec_2", "decline")).state()).toMatchObject({
      status: "decided",
      sittingId: "sit_16jun",
      hearings: [{ decisionId: "dec_1", outcome: "defer" }, { decisionId: "dec_2", outcome: "decline" }]
    })
  })

  it("a request on the 9 June agenda approved outside panel before the sitting is decided and still shows the sitting it was on", () => {
    expect(spec.given(acceptedLate).when(heard("dec_1", "approve")).state()).toMatchObject({ status: "decided", sittingId: "sit_9jun" })
  })

  it("CPR-8: a request deferred twice and now on a third agenda stays there when its first deferral is amended", () => {
    const accept = (sitting: ReturnType<typeof sittingOn>) => cmd("administrator", { _tag: "AcceptOntoSitting", sitting }, london("2027-06-10", "09:00"))
    const sixteenth = sittingOn("sit_16jun", panelId, "2027-06-16", "09:30")
    const twentyThird = sittingOn("sit_23jun", panelId, "2027-06-23", "09:30")
    const deferredTwice = then(then(then(acceptedLate, heard("dec_1", "defer", "sit_9jun")), accept(sixteenth)), heard("dec_2", "defer", "sit_16jun"))
    const onThird = then(deferredTwice, accept(twentyThird))
    expect(spec.given(onThird).when(revised("dec_1", "decline")).state()).toMatchObject({ status: "accepted", sittingId: "sit_23jun" })
  })
})
