import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { describe, expect, it } from "@effect/vitest"
import { ActionId, PersonId, SittingId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { content, decisionId, decisionsAt, sittingEnds, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const cpr = decisionsAt("care-planning")
const sup = decisionsAt("support-panels")

describe("decision decider: recording at panel", () => {
  it("CPR-8: records approve with rationale, actions and the sign-off the policy asks for", () => {
    const state = cpr.spec.given([]).when(
      cpr.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(["placement_change"]), sitting: { sittingId: SittingId.make("s"), endsAt: sittingEnds }, content: content({ minutes: undefined }) })
    ).state()
    expect(state).toMatchObject({ status: "awaiting_sign_off", madeAt: "panel", pendingSignOffs: [{ role: "panel_chair", ruleId: "CPR-8" }] })
    expect(state!.content.actions.map((action) => action.progress._tag)).toEqual(["Open", "Open"])
  })

  it("CPR-8: decline and defer are recorded with their rationale", () => {
    for (const outcome of ["decline", "defer"] as const) {
      expect(cpr.recorded({ outcome, minutes: undefined, actions: [] }, ["placement_change"])).toMatchObject([{ _tag: "DecisionRecorded", content: { outcome } }])
    }
  })

  it("refuses a second decision with the same id", () => {
    const refusal = lin.spec.given(lin.recorded()).when(
      lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: { sittingId: SittingId.make("s"), endsAt: sittingEnds }, content: content() })
    ).refusal()
    expect(refusal._tag).toBe("DecisionAlreadyRecorded")
  })

  it("LIN-5: refuses minutes that are not in Signs of Safety form, and accommodation without its length", () => {
    const refusal = lin.spec.given([]).when(
      lin.cmd("administrator", {
        _tag: "RecordDecision", decisionId, subject: subject(), sitting: { sittingId: SittingId.make("s"), endsAt: sittingEnds },
        content: content({ minutes: { workingWell: "x", worries: "", needsToHappen: " " }, agreed: {} })
      })
    ).refusal()
    expect(refusal._tag).toBe("IncompleteDecision")
    expect(refusal.message).toBe(
      "The decision cannot be recorded yet. It must say: what are we worried about (LIN-5); what needs to happen (LIN-5); how long the accommodation is agreed for before it returns to panel (LIN-5)."
    )
  })

  it("SUP-6: approved funding records its amount, period and budget", () => {
    const record = (agreed: object) =>
      sup.spec.given([]).when(
        sup.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(["expenditure"]), sitting: { sittingId: SittingId.make("s"), endsAt: sittingEnds }, content: content({ minutes: undefined, agreed }) })
      )
    expect(record({}).refusal()).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "agreed.funding", ruleId: "SUP-6" }] })
    const funding = { amountPence: 250_000, period: "annual", budget: "Edge of care" }
    expect(record({ funding }).state()!.content.agreed.funding).toEqual(funding)
  })

  it("refuses an action due before the decision", () => {
    const refusal = cpr.spec.given([]).when(
      cpr.cmd("administrator", {
        _tag: "RecordDecision", decisionId, subject: subject(["placement_change"]), sitting: { sittingId: SittingId.make("s"), endsAt: sittingEnds },
        content: content({ minutes: undefined, actions: [{ actionId: ActionId.make("a"), description: "Visit", ownerRole: "social_worker", dueDate: "2027-06-01" as LocalDate, fgcReferral: false }] })
      })
    ).refusal()
    expect(refusal.message).toContain('a due date for "Visit" that is not in the past')
  })
})

describe("decision decider: sign-off and amendment", () => {
  it("NSO-8: the chair signs, then the Assistant Director finalises; in that order", () => {
    const history = nso.recorded({ minutes: undefined })
    expect(nso.spec.given(history).when(nso.cmd("assistantDirector", { _tag: "SignOff" })).state()!.signOffs[0]).toMatchObject({ role: "panel_chair" })
    const signedByChair = nso.spec.play([nso.cmd("chair", { _tag: "SignOff" })], history)
    expect(nso.spec.given(signedByChair).when(nso.cmd("chair", { _tag: "SignOff" })).refusal()).toMatchObject({
      _tag: "NotTheRightPerson",
      message: "This decision is waiting for the Assistant Director to sign it off (NSO-8)."
    })
    const final = nso.spec.given(signedByChair).when(nso.cmd("assistantDirector", { _tag: "SignOff" })).state()
    expect(final!.status).toBe("final")
    expect(nso.spec.given(nso.spec.play([nso.cmd("assistantDirector", { _tag: "SignOff" })], signedByChair)).when(nso.cmd("assistantDirector", { _tag: "SignOff" })).refusal()._tag).toBe("DecisionIsFinal")
  })

  it("edits before sign-off; after sign-off refuses edits and points to an amendment", () => {
    const edited = lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content({ rationale: "Clearer rationale" }) })).state()
    expect(edited!.content.rationale).toBe("Clearer rationale")
    const refusal = lin.spec.given(lin.signed()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content() })).refusal()
    expect(refusal).toMatchObject({ _tag: "DecisionIsFinal", message: "This decision has been signed or agreed: record an amendment saying what changed, why and who approved it." })
  })

  it("an amendment names what changed, why and who approved it; the original stays in the log", () => {
    const approvedBy = { personId: PersonId.make("martin-gorsley"), name: "Martin Gorsley", role: "panel_chair" as const }
    const events = lin.spec.given(lin.signed()).when(
      lin.cmd("administrator", { _tag: "AmendDecision", content: content({ agreed: { accommodationWeeks: 8 } }), whatChanged: "Accommodation 8 weeks, not 6", why: "Typing error in the record", approvedBy })
    ).events()
    expect(events).toMatchObject([{ _tag: "DecisionAmended", whatChanged: "Accommodation 8 weeks, not 6", approvedBy: { name: "Martin Gorsley" } }])
    const refusals = [
      lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "AmendDecision", content: content(), whatChanged: "x", why: "y", approvedBy })).refusal()._tag,
      lin.spec.given(lin.signed()).when(lin.cmd("administrator", { _tag: "AmendDecision", content: content(), whatChanged: "x", why: "y", approvedBy: { ...approvedBy, role: "social_worker" } })).refusal()._tag
    ]
    expect(refusals).toEqual(["DecisionNotFinal", "NotTheRightPerson"])
  })

  it("amending keeps the progress of actions it still lists", () => {
    const done = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_2"), evidence: "Letter sent 10 June" })], lin.signed())
    const approvedBy = { personId: PersonId.make("m"), name: "Martin Gorsley", role: "panel_chair" as const }
    const amended = lin.spec.given(done).when(lin.cmd("administrator", { _tag: "AmendDecision", content: content({ rationale: "Corrected" }), whatChanged: "rationale", why: "typo", approvedBy })).state()
    expect(amended!.content.actions.find((action) => action.actionId === "act_2")!.progress._tag).toBe("Completed")
  })
})

describe("decision decider: actions", () => {
  it("LIN-6: completes an action with evidence, or records why it is outstanding", () => {
    const completed = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_1"), evidence: "FGC held 20 June" })], lin.signed())
    expect(lin.spec.given(completed).when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_1"), evidence: "again" })).refusal()._tag).toBe("ActionAlreadyClosed")
    const outstanding = lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: ActionId.make("act_2"), reason: "Parents' address unknown" })).state()
    expect(outstanding!.content.actions[1]!.progress).toMatchObject({ _tag: "Outstanding", reason: "Parents' address unknown" })
    expect(lin.spec.given(lin.signed()).when(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("nope"), evidence: "x" })).refusal()._tag).toBe("NoSuchAction")
  })

  it("LIN-6: the actions case note is refused while an action is neither done nor explained", () => {
    const refusal = lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "Update" })).refusal()
    expect(refusal).toMatchObject({ _tag: "ActionsNotUpdated", actionIds: ["act_1", "act_2"] })
    expect(refusal.message).toContain("(LIN-6)")
    const updated = lin.spec.play(
      [
        lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_1"), evidence: "FGC held" }),
        lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: ActionId.make("act_2"), reason: "Waiting for address" })
      ],
      lin.signed()
    )
    expect(lin.spec.given(updated).when(lin.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "Support Panel Actions" })).state()!.actionsCaseNoteAt).toBeDefined()
    expect(cpr.spec.given(cpr.recorded({ minutes: undefined }, ["placement_change"])).when(cpr.cmd("teamManager", { _tag: "RecordActionsCaseNote", note: "x" })).refusal()._tag).toBe("NotApplicable")
  })

  it("LIN-9: records the FGC service receiving the referral, once, and only for an FGC action", () => {
    const received = lin.spec.play([lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: ActionId.make("act_1") })], lin.signed())
    expect(lin.spec.given(received).when(lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: ActionId.make("act_1") })).refusal()._tag).toBe("ActionAlreadyClosed")
    expect(lin.spec.given(lin.signed()).when(lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: ActionId.make("act_2") })).refusal().message).toContain("(LIN-9)")
  })

  it("LIN-8: a change of circumstances needs the locality service manager's approval", () => {
    const body = { _tag: "ApproveChangeOfCircumstances", circumstances: "Grandmother can now care", alternativeAction: "Child to stay with grandmother" }
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", body)).refusal()).toMatchObject({ _tag: "NotTheRightPerson", ruleId: "LIN-8" })
    expect(lin.spec.given(lin.signed()).when(lin.cmd("serviceManager", body)).state()!.changesOfCircumstances).toHaveLength(1)
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("serviceManager", body)).refusal()._tag).toBe("DecisionNotFinal")
  })

  it("LIN-7: a return to panel may be closed by a case note when progress makes it unnecessary", () => {
    const withReturn = lin.signed({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })
    expect(lin.spec.given(withReturn).when(lin.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "Home conditions improved; emailed Safeguarding & Review" })).state()!.returnWaived).toBeDefined()
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "x" })).refusal()._tag).toBe("NotApplicable")
  })

  it("refuses any command on a decision that does not exist", () => {
    expect(lin.spec.given([]).when(lin.cmd("chair", { _tag: "SignOff" })).refusal()._tag).toBe("NoSuchRecord")
  })
})

describe("decision decider: outside panel", () => {
  const outside = (slug: ReturnType<typeof decisionsAt>, actor: keyof ReturnType<typeof decisionsAt>["staff"], overrides: Record<string, unknown> = {}, types = subject().requestTypes) =>
    slug.spec.given([]).when(
      slug.cmd(actor, {
        _tag: "RecordOutsidePanelAgreement",
        decisionId,
        subject: subject(types),
        content: content(),
        whyOutsidePanel: "Child left at school by a parent who was arrested; no sitting until Wednesday",
        timescales: "Accommodation for 2 weeks, then back to panel",
        placedAt: london("2027-06-07", "18:00"),
        ...overrides
      })
    )

  it("LIN-11: section 20 accommodation agreed by the Assistant Director; no retrospective presentation", () => {
    const state = outside(lin, "assistantDirector").state()
    expect(state).toMatchObject({ status: "final", madeAt: "outside_panel", outsidePanel: { ruleId: "LIN-11", retrospectivePresentation: false } })
  })

  it("LIN-11: refuses an agreement without its expected actions, or without the placement time (LIN-12)", () => {
    const refusal = outside(lin, "assistantDirector", { content: content({ actions: [] }), placedAt: undefined }).refusal()
    expect(refusal.message).toBe("The decision cannot be recorded yet. It must say: the actions expected, with timescales (LIN-11); when the child was placed (LIN-12).")
  })

  it("NSO-10: needs both the Head of Service and the Assistant Director, then a retrospective slot", () => {
    const history = outside(nso, "headOfService", { content: content({ minutes: undefined }) }).events()
    expect(history.map((event) => event._tag)).toEqual(["OutsidePanelAgreementRecorded", "OutsidePanelAgreed"])
    expect(nso.spec.given(history).when(nso.cmd("headOfService", { _tag: "AgreeOutsidePanel" })).refusal()).toMatchObject({
      _tag: "NotTheRightPerson",
      message: "This agreement is waiting for the Assistant Director (NSO-10)."
    })
    const final = nso.spec.given(history).when(nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" })).state()
    expect(final).toMatchObject({ status: "final", outsidePanel: { retrospectivePresentation: true } })
  })

  it("SUP-7: urgent authorisation to start proceedings comes from the Head of Service", () => {
    const state = outside(sup, "headOfService", { content: content({ minutes: undefined }), placedAt: undefined }, ["care_proceedings"]).state()
    expect(state!.outsidePanel!.agreements).toMatchObject([{ role: "head_of_service" }])
    expect(state!.status).toBe("final")
  })

  it("KNO-5: an emergency LPM agreed by a service manager; other requests are not agreed outside this panel", () => {
    const kno = decisionsAt("knowsley")
    expect(outside(kno, "serviceManager", { content: content({ minutes: undefined }), placedAt: undefined }, ["legal_planning_meeting"]).state()!.status).toBe("final")
    expect(outside(kno, "serviceManager", {}, ["edge_of_care_resource"]).refusal()._tag).toBe("NotApplicable")
  })

  it("LIN-12: the four 48-hour tasks are recorded once each, only for accommodation agreed outside panel", () => {
    const history = outside(lin, "assistantDirector").events()
    const done = lin.spec.play([lin.cmd("teamManager", { _tag: "RecordS20Task", task: "supervision", note: "Supervision held" })], history)
    expect(lin.spec.given(done).when(lin.cmd("teamManager", { _tag: "RecordS20Task", task: "supervision", note: "again" })).refusal()._tag).toBe("ActionAlreadyClosed")
    expect(lin.spec.given(lin.signed()).when(lin.cmd("teamManager", { _tag: "RecordS20Task", task: "parents_letter", note: "x" })).refusal().message).toContain("(LIN-12)")
  })

  it("refuses to agree a decision made at panel", () => {
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" })).refusal()._tag).toBe("NotApplicable")
  })
})
