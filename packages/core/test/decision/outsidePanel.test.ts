import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { describe, expect, it } from "@effect/vitest"
import { ActionId, DecisionId, SittingId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { content, decisionId, decisionsAt, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const sup = decisionsAt("support-panels")
type At = ReturnType<typeof decisionsAt>

const agreement = (overrides: Record<string, unknown> = {}, types = subject().requestTypes) => ({
  _tag: "RecordOutsidePanelAgreement",
  decisionId,
  subject: subject(types),
  content: content(),
  whyOutsidePanel: "Child left at school by a parent who was arrested; no sitting until Wednesday",
  timescales: "Accommodation for 2 weeks, then back to panel",
  placedAt: london("2027-06-07", "18:00"),
  ...overrides
})
const outside = (at: At, actor: keyof At["staff"], overrides: Record<string, unknown> = {}, types = subject().requestTypes) =>
  at.spec.given([]).when(at.cmd(actor, agreement(overrides, types), london("2027-06-07", "19:00")))

describe("decision decider: outside panel", () => {
  it("LIN-11: section 20 accommodation agreed by the Assistant Director; no retrospective presentation", () => {
    const state = outside(lin, "assistantDirector").state()
    expect(state).toMatchObject({ status: "final", madeAt: "outside_panel", outsidePanel: { ruleId: "LIN-11", retrospectivePresentation: false } })
  })

  it("LIN-11: an agreement outside panel is not held to the Support Panel's Signs of Safety minutes (LIN-5); what it agreed is asked for under LIN-11", () => {
    const refusal = outside(lin, "assistantDirector", { content: content({ minutes: undefined, agreed: {} }) }).refusal()
    expect(refusal.message).toBe("The decision cannot be recorded yet. It must say: the placement type agreed (Foster to Adopt included) (LIN-11).")
    const state = outside(lin, "assistantDirector", { content: content({ minutes: undefined, agreed: { placement: "in_house_foster" } }) }).state()
    expect(state).toMatchObject({ status: "final", madeAt: "outside_panel" })
  })

  it("DEF-OUTSIDE-PANEL-RECORD: at North Somerset the same refusal cites Carepanel's default, once in full, not NSO-10, which says only who agrees", () => {
    const refusal = outside(nso, "headOfService", { content: content({ minutes: undefined, actions: [] }), whyOutsidePanel: "  ", timescales: "" }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [
        { field: "whyOutsidePanel", ruleId: "DEF-OUTSIDE-PANEL-RECORD" },
        { field: "timescales", ruleId: "DEF-OUTSIDE-PANEL-RECORD" },
        { field: "actions", ruleId: "DEF-OUTSIDE-PANEL-RECORD" }
      ]
    })
    expect(refusal.message).toBe(
      "The decision cannot be recorded yet. It must say: why it could not wait for panel (DEF-OUTSIDE-PANEL-RECORD, Carepanel default, not in the terms of reference; " +
        "set by the authority's policy); the timescales of the agreement (DEF-OUTSIDE-PANEL-RECORD); the actions expected, with timescales (DEF-OUTSIDE-PANEL-RECORD)."
    )
  })

  it("LIN-11: refuses an agreement without its reasons, timescales or expected actions, or without the placement time (LIN-12)", () => {
    const refusal = outside(lin, "assistantDirector", { content: content({ actions: [] }), whyOutsidePanel: "  ", timescales: "", placedAt: undefined }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [{ field: "whyOutsidePanel" }, { field: "timescales" }, { field: "actions" }, { field: "placedAt", ruleId: "LIN-12" }]
    })
    expect(refusal.message).toBe(
      "The decision cannot be recorded yet. It must say: why it could not wait for panel (LIN-11); the timescales of the agreement (LIN-11); " +
        "the actions expected, with timescales (LIN-11); when the child was placed (LIN-12)."
    )
  })

  it("LIN-11: only agreements are recorded outside panel: a decline or a deferral waits for a sitting", () => {
    for (const outcome of ["decline", "defer"] as const) {
      expect(outside(lin, "assistantDirector", { content: content({ outcome }) }).refusal()).toMatchObject({
        _tag: "IncompleteDecision",
        missing: [{ field: "outcome", ruleId: "LIN-11", label: "an agreement (outside panel only agreements are recorded)" }]
      })
    }
  })

  it("trims the reasons it records", () => {
    expect(outside(lin, "assistantDirector", { whyOutsidePanel: "  No carer tonight ", timescales: " Two weeks" }).state()!.outsidePanel).toMatchObject({
      whyOutsidePanel: "No carer tonight",
      timescales: "Two weeks"
    })
  })

  it("refuses a second agreement with the same id", () => {
    const recorded = outside(lin, "assistantDirector").events()
    expect(lin.spec.given(recorded).when(lin.cmd("assistantDirector", agreement())).refusal()).toMatchObject({
      _tag: "DecisionAlreadyRecorded",
      message: "A decision with id dec_1 already exists."
    })
  })

  it("LIN-11: an action is due on or after the day of the agreement, not the day it is typed up", () => {
    const due = (dueDate: string) => ({ content: content({ actions: [{ actionId: ActionId.make("a"), description: "Placement planning meeting", ownerRole: "social_worker", dueDate: dueDate as LocalDate, fgcReferral: false }] }) })
    expect(outside(lin, "assistantDirector", due("2027-06-06")).refusal()).toMatchObject({ missing: [{ field: "actions[0].dueDate" }] })
    expect(outside(lin, "assistantDirector", due("2027-06-07")).state()!.status).toBe("final")
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

  it("NSO-10: once everyone needed has agreed, a further agreement is refused", () => {
    const history = nso.spec.play([nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" })], outside(nso, "headOfService", { content: content({ minutes: undefined }) }).events())
    expect(nso.spec.given(history).when(nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" })).refusal()).toMatchObject({
      _tag: "DecisionIsFinal",
      message: "Everyone needed has already agreed."
    })
  })

  it("SUP-7: urgent authorisation to start proceedings comes from the Head of Service", () => {
    const state = outside(sup, "headOfService", { content: content({ minutes: undefined, agreed: { careProceedings: true } }), placedAt: undefined }, ["care_proceedings"]).state()
    expect(state!.outsidePanel!.agreements).toMatchObject([{ role: "head_of_service" }])
    expect(state!.status).toBe("final")
  })

  it("SUP-7: the Head of Service authorises issuing proceedings or starting an LPM only: not accommodation, nor anything beside them", () => {
    const agreed = { content: content({ minutes: undefined, agreed: { careProceedings: true, legalPlanningMeeting: true, placement: "in_house_foster" } }), placedAt: undefined }
    expect(outside(sup, "headOfService", agreed, ["legal_planning_meeting"]).state()!.status).toBe("final")
    expect(outside(sup, "headOfService", agreed, ["s20_accommodation"]).refusal()._tag).toBe("NotApplicable")
    expect(outside(sup, "headOfService", agreed, ["care_proceedings", "placement_change"]).refusal()).toMatchObject({
      _tag: "NotApplicable",
      message: "An agreement outside panel does not cover changing a placement (SUP-7): bring that to a sitting, or record the rest as its own request."
    })
  })

  it("KNO-5: an emergency LPM agreed by a service manager; other requests are not agreed outside this panel", () => {
    const kno = decisionsAt("knowsley")
    const lpm = { content: content({ minutes: undefined, agreed: { legalPlanningMeeting: true } }), placedAt: undefined, lpmAt: london("2027-06-14", "10:00") }
    expect(outside(kno, "serviceManager", lpm, ["legal_planning_meeting"]).state()).toMatchObject({ status: "final", outsidePanel: { lpmAt: london("2027-06-14", "10:00") } })
    expect(outside(kno, "serviceManager", {}, ["edge_of_care_resource"]).refusal()._tag).toBe("NotApplicable")
    expect(outside(kno, "socialWorker", lpm, ["legal_planning_meeting"]).state()!.status).toBe("awaiting_agreement")
  })

  it("LIN-11, KNO-5: a proposal still waiting for an agreement when its request is heard again reads lapsed, with the hearing; one already agreed stays final", () => {
    const kno = decisionsAt("knowsley")
    const lpm = { content: content({ minutes: undefined, agreed: { legalPlanningMeeting: true } }), placedAt: undefined, lpmAt: london("2027-06-14", "10:00") }
    const heardAgain = { decisionId: DecisionId.make("dec_panel"), heardAt: london("2027-06-09", "13:00"), atPanel: true, sittingId: SittingId.make("sit_9") }
    const told = (at: At, history: ReturnType<ReturnType<typeof outside>["events"]>) =>
      at.spec.given(history).when(at.cmd("administrator", { _tag: "NoteLaterHearing", hearing: heardAgain }, london("2027-06-09", "13:30"))).state()
    for (const [at, history] of [[kno, outside(kno, "socialWorker", lpm, ["legal_planning_meeting"]).events()], [lin, outside(lin, "teamManager").events()]] as const) {
      expect(told(at, history)).toMatchObject({ status: "lapsed", outsidePanel: { overtaken: heardAgain }, laterHearings: [{ ...heardAgain }] })
    }
    const agreed = told(lin, outside(lin, "assistantDirector").events())
    expect([agreed?.status, agreed?.outsidePanel?.overtaken, agreed?.laterHearings.length]).toEqual(["final", undefined, 1])
  })

  it("KNO-5: an emergency LPM records when the LPM is held; other panels do not ask", () => {
    const kno = decisionsAt("knowsley")
    const lpm = { content: content({ minutes: undefined, agreed: { legalPlanningMeeting: true } }), placedAt: undefined }
    expect(outside(kno, "serviceManager", lpm, ["legal_planning_meeting"]).refusal()).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [{ field: "lpmAt", ruleId: "KNO-5", label: "when the emergency Legal Planning Meeting is held" }]
    })
    expect(outside(sup, "headOfService", lpm, ["legal_planning_meeting"]).state()!.status).toBe("final")
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
