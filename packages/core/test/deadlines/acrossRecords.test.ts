import { describe, expect, it } from "@effect/vitest"
import type { DateTime } from "effect"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId, DecisionId, DocumentId, ReferralId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { content, decisionsAt, subject } from "../decision/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { at, sittingOf, type Staff } from "./fixtures.js"
import { beforeAnySitting } from "../agenda/fixtures.js"

const cpr = staffOf("care-planning")
const carePlanning = "care-planning-and-resources"
const facts = (sitting: Sitting) => ({ id: sitting.id, panelId: sitting.panelId, date: sitting.date, startsAt: sitting.startsAt, cancelled: sitting.cancelled })

/** A Care Planning request drafted on 1 June with its referral form, submitted at `submittedAt` (CPR needs no approval), then `after`. */
const cprReferral = (submittedAt: DateTime.Utc, after: ReadonlyArray<ReferralCommand> = []) => {
  const created = london("2027-06-01", "09:00")
  return fold(
    referralDecider,
    deciderSpec(referralDecider, contextOf("care-planning")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm(carePlanning), by: as(cpr.socialWorker), at: created },
      { _tag: "RecordDocument", document: { documentId: DocumentId.make("form"), kind: "referral_form", title: "Referral form" }, by: as(cpr.socialWorker), at: created },
      { _tag: "Submit", by: as(cpr.socialWorker), at: submittedAt },
      ...after
    ])
  )!
}

describe("deadlines: a request and the sitting it aims at (CPR-4, CPR-9)", () => {
  const ninth = sittingOf("care-planning", carePlanning, "s9", "2027-06-09")
  const sixteenth = sittingOf("care-planning", carePlanning, "s16", "2027-06-16")
  const clocksOf = (referral: ReturnType<typeof cprReferral>) =>
    deadlinesOf({ referrals: [referral], sittings: [sixteenth, ninth] }, contextOf("care-planning"), at(london("2027-06-02", "12:00")))

  it("CPR-4: submitted by 17:00 on the Monday it aims at that Wednesday's sitting; a minute later, at the next one", () => {
    const aimedAt = (submittedAt: DateTime.Utc) => clocksOf(cprReferral(submittedAt)).find((d) => d.about.kind === "referral")!.id
    expect(aimedAt(london("2027-06-07", "17:00"))).toBe("ref_1:submission:s9")
    expect(aimedAt(london("2027-06-07", "17:01"))).toBe("ref_1:submission:s16")
  })

  it("CPR-4, CPR-9: a request accepted onto the later sitting is measured against it, and gives that sitting (only) a papers clock", () => {
    const accepted = cprReferral(london("2027-06-01", "10:00"), [
      { _tag: "AcceptOntoSitting", sitting: facts(sixteenth), by: as(cpr.administrator), at: london("2027-06-02", "09:00") }
    ])
    expect(accepted.sittingId).toBe("s16")
    const clocks = clocksOf(accepted)
    expect(clocks.map((d) => d.id).sort()).toEqual(["ref_1:submission:s16", "s16:papers"])
    expect(clocks.find((d) => d.id === "ref_1:submission:s16")).toMatchObject({ state: "met", explanation: "due 17:00 Mon 14 Jun 2027 - CPR-4: 17:00 on the Monday before the sitting on Wed 16 Jun 2027" })
  })

  it("CPR-4: the clock names the sitting; a request accepted onto a sitting since cancelled, or drafted after the last sitting's deadline, has none", () => {
    const accepted = cprReferral(london("2027-06-01", "10:00"), [
      { _tag: "AcceptOntoSitting", sitting: facts(ninth), by: as(cpr.administrator), at: london("2027-06-02", "09:00") }
    ])
    expect(clocksOf(accepted)[0]).toMatchObject({ id: "ref_1:submission:s9", title: "Request complete and approved for the sitting on Wed 9 Jun 2027" })
    const cancelledNinth = sittingOf("care-planning", carePlanning, "s9", "2027-06-09", (staff) => [
      { _tag: "CancelSitting", reason: "no quorum possible", by: as(staff.chair), at: london("2027-06-03", "10:00") }
    ])
    expect(deadlinesOf({ referrals: [accepted], sittings: [cancelledNinth] }, contextOf("care-planning"), at(london("2027-06-04", "12:00")))).toEqual([])
    const tooLate = cprReferral(london("2027-06-15", "09:00"))
    expect(deadlinesOf({ referrals: [tooLate], sittings: [ninth, sixteenth] }, contextOf("care-planning"), at(london("2027-06-15", "10:00")))).toEqual([])
  })

  it("CPR-9: a sitting with one request accepted onto it among others not yet placed has its papers clock", () => {
    const accepted = cprReferral(london("2027-06-01", "10:00"), [
      { _tag: "AcceptOntoSitting", sitting: facts(sixteenth), by: as(cpr.administrator), at: london("2027-06-02", "09:00") }
    ])
    const waiting = { ...cprReferral(london("2027-06-01", "10:00")), id: ReferralId.make("ref_2") }
    const ids = deadlinesOf({ referrals: [waiting, accepted], sittings: [ninth, sixteenth] }, contextOf("care-planning"), at(london("2027-06-02", "12:00"))).map((d) => d.id)
    expect(ids).toContain("s16:papers")
    expect(ids).not.toContain("s9:papers")
  })

  it("a submitted request not yet on a sitting gives no sitting a papers clock: only business on a sitting does", () => {
    expect(clocksOf(cprReferral(london("2027-06-01", "10:00"))).map((d) => d.id)).toEqual(["ref_1:submission:s9"])
  })

  it("the clocks still running leave out those met", () => {
    const met = cprReferral(london("2027-06-01", "10:00"))
    const open = (referral: ReturnType<typeof cprReferral>) => openDeadlines(clocksOf(referral)).map((d) => d.id)
    expect(clocksOf(met)).toMatchObject([{ state: "met" }])
    expect(open(met)).toEqual([])
    const draft = fold(referralDecider, deciderSpec(referralDecider, contextOf("care-planning")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm(carePlanning), by: as(cpr.socialWorker), at: london("2027-06-01", "09:00") }
    ]))!
    expect(open(draft)).toEqual(["ref_1:submission:s9"])
  })
})

describe("deadlines: a decision outside panel is presented at the first live sitting after it (NSO-10)", () => {
  const nso = decisionsAt("north-somerset")
  const agreedAt = london("2027-06-07", "19:00")
  const decision = fold(
    decisionDecider,
    nso.spec.play([
      nso.cmd("headOfService", {
        _tag: "RecordOutsidePanelAgreement", decisionId: DecisionId.make("dec_1"), subject: subject(), content: content({ minutes: undefined }),
        whyOutsidePanel: "Child left at school by a parent who was arrested; no sitting until Wednesday", timescales: "Accommodation for 2 weeks, then back to panel",
        placedAt: london("2027-06-07", "18:00")
      }, agreedAt),
      nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" }, london("2027-06-07", "19:30"))
    ])
  ) as Decision
  const item = (kind: "request" | "retrospective", referral = "ref_1") => (staff: Staff): SittingCommand[] => [{
    _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make(referral), childIds: [ChildId.make("child-1")], kind, summary: "x" }], by: as(staff.administrator), at: london("2027-06-01", "09:00")
  }]
  const cancel = (staff: Staff): SittingCommand[] => [{ _tag: "CancelSitting", reason: "no quorum possible", by: as(staff.chair), at: london("2027-06-01", "10:00") }]
  const on = (id: string, date: string, extra?: (staff: Staff) => SittingCommand[]) => sittingOf("north-somerset", "care-and-resource", id, date, extra)
  const retrospective = (sittings: ReadonlyArray<Sitting>, now = london("2027-06-08", "09:00")) =>
    deadlinesOf({ referrals: [], sittings, decisions: [decision] }, contextOf("north-somerset"), at(now)).find((d) => d.id === "dec_1:retrospective")

  it("NSO-10: due at the next live sitting, past one cancelled and not one held before the agreement, whatever order the sittings come in", () => {
    const clock = retrospective([on("s23", "2027-06-23"), on("s16", "2027-06-16"), on("s9", "2027-06-09", cancel), on("s2", "2027-06-02", item("retrospective"))])
    expect(clock).toMatchObject({ ruleId: "NSO-10", state: "pending", due: london("2027-06-16", "13:30") })
    expect(clock!.metAt).toBeUndefined()
  })

  it("NSO-10: met when the sitting whose agenda holds it as a retrospective item starts; late when that sitting is not the first", () => {
    const afterBoth = london("2027-06-17", "09:00")
    expect(retrospective([on("s9", "2027-06-09", item("retrospective")), on("s16", "2027-06-16")], afterBoth)).toMatchObject({ state: "met", metLate: false, metAt: london("2027-06-09", "13:30") })
    expect(retrospective([on("s16", "2027-06-16", item("retrospective")), on("s9", "2027-06-09")], afterBoth)).toMatchObject({ state: "met", metLate: true, metAt: london("2027-06-16", "13:30") })
    expect(retrospective([on("s9", "2027-06-09", item("retrospective"))], london("2027-06-09", "13:30"))).toMatchObject({ state: "met", metAt: london("2027-06-09", "13:30") })
  })

  it("NSO-10: on the agenda of a sitting still to come it is booked, not yet presented", () => {
    const clock = retrospective([on("s9", "2027-06-09", item("retrospective"))], london("2027-06-09", "13:29"))
    expect(clock).toMatchObject({ state: "due_soon", due: london("2027-06-09", "13:30") })
    expect(clock!.metAt).toBeUndefined()
  })

  it("NSO-10: neither another request's retrospective item nor this request heard as an ordinary request meets it", () => {
    expect(retrospective([on("s9", "2027-06-09", item("retrospective", "ref_other"))])!.metAt).toBeUndefined()
    expect(retrospective([on("s9", "2027-06-09", item("request"))])!.metAt).toBeUndefined()
  })

  it("NSO-10: with no live sitting after the agreement there is no date to present it by yet", () => {
    expect(retrospective([on("s2", "2027-06-02"), on("s9", "2027-06-09", cancel)])).toBeUndefined()
  })
})

describe("deadlines: after an emergency LPM the child is presented at the first sitting after the LPM (KNO-5)", () => {
  const kno = decisionsAt("knowsley")
  const lpmAt = london("2027-06-14", "10:00")
  const decision = fold(
    decisionDecider,
    kno.spec.play([
      kno.cmd("serviceManager", {
        _tag: "RecordOutsidePanelAgreement", decisionId: DecisionId.make("dec_1"), subject: subject(["legal_planning_meeting"]),
        content: content({ minutes: undefined, agreed: { legalPlanningMeeting: true } }),
        whyOutsidePanel: "Parent arrested; the child cannot wait for the group on Thursday", timescales: "LPM on Monday 14 June", lpmAt
      }, london("2027-06-07", "19:00"))
    ])
  ) as Decision
  const sittings = [sittingOf("knowsley", "circle-of-support", "s10", "2027-06-10"), sittingOf("knowsley", "circle-of-support", "s24", "2027-06-24")]

  it("KNO-5: due at the sitting on 24 June, after the LPM on 14 June, not at 10 June's, the first after the agreement", () => {
    const clock = deadlinesOf({ referrals: [], sittings, decisions: [decision] }, contextOf("knowsley"), at(london("2027-06-08", "09:00"))).find((d) => d.id === "dec_1:retrospective")
    expect(clock).toMatchObject({ ruleId: "KNO-5", due: london("2027-06-24", "10:00") })
    expect(clock!.explanation).toContain("the emergency Legal Planning Meeting at")
  })

  it("KNO-5: the agenda of 10 June leaves it out; 24 June's brings it", () => {
    const propose = (sitting: Sitting) => proposeAgenda(sitting, { referrals: [], decisions: [decision], sittings, now: beforeAnySitting }, contextOf("knowsley").policy, contextOf("knowsley").calendar)
    expect(propose(sittings[0]!)).toEqual([])
    expect(propose(sittings[1]!)).toMatchObject([{ kind: "retrospective", summary: "Agreed outside panel (KNO-5): a legal planning meeting" }])
  })
})

describe("deadlines: a request heard three times (LIN-7)", () => {
  it("LIN-7: the first decision's return to panel is met by the second hearing, the second's by the third", () => {
    const lin = decisionsAt("lincolnshire")
    const first = fold(decisionDecider, lin.signed({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })) as Decision
    const heardOn = (id: string, date: string): Decision => ({ ...first, id: DecisionId.make(id), heardAt: london(date, "13:00") })
    const decisions = [first, heardOn("dec_2", "2027-07-07"), heardOn("dec_3", "2027-08-04")]
    const returns = deadlinesOf({ referrals: [], sittings: [], decisions }, contextOf("lincolnshire"), at(london("2027-08-05", "09:00")))
      .filter((d) => d.id.endsWith(":return"))
      .map((d) => [d.id, d.metAt])
    expect(returns).toEqual([
      ["dec_1:return", london("2027-07-07", "13:00")],
      ["dec_2:return", london("2027-08-04", "13:00")],
      ["dec_3:return", undefined]
    ])
  })
})
