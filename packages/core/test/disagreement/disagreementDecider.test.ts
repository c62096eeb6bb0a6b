import { describe, expect, it } from "@effect/vitest"
import { ActionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { at, panelOf, partyOf } from "./fixtures.js"

const sup = panelOf("support-panels")
const lin = panelOf("lincolnshire")

/** SUP-8 route histories. */
const supNoted = () => sup.play([sup.recordDissent(), sup.noteAreas()])
const supWithManager = () => sup.play([sup.escalate("member", "member_manager", "teamManager")], supNoted())
const supWithDirector = () => sup.play([sup.escalate("teamManager", "assistant_director", "assistantDirector")], supWithManager())
/** LIN-13 route histories. */
const linNoted = () => lin.play([lin.recordDissent(), lin.noteAreas()])
const linWithDirector = () => lin.play([lin.escalate("chair", "assistant_director", "assistantDirector")], linNoted())

describe("disagreement decider: recording a dissent (CPR-7)", () => {
  it("CPR-7: records a member's formal dissent from a decision, with the authority's route and rule", () => {
    const events = sup.spec.given([]).when(sup.recordDissent()).events()
    expect(events).toMatchObject([
      {
        _tag: "DissentRecorded",
        disagreementId: "dis_1",
        authorityId: "support-panels",
        decisionId: "dec_1",
        referralId: "ref_1",
        sittingId: "sit_9jun",
        member: { personId: "sam-jessop", name: "Sam Jessop" },
        dissentsFrom: { _tag: "Decision" },
        route: "member_manager_then_assistant_director",
        ruleId: "SUP-8",
        by: { name: "Sam Jessop" }
      }
    ])
    const state = sup.spec.given([]).when(sup.recordDissent()).state()
    expect(state).toMatchObject({ status: "dissent_recorded", areas: [], escalations: [] })
  })

  it("CPR-7: a member may dissent from one recommended action; Lincolnshire's dissent takes the LIN-13 route", () => {
    const dissentsFrom = { _tag: "RecommendedAction", actionId: ActionId.make("act_2"), action: "Family group conference within 2 weeks" }
    const state = lin.spec.given([]).when(lin.recordDissent("member", { dissentsFrom })).state()
    expect(state).toMatchObject({ dissentsFrom, route: "chair_with_assistant_director", ruleId: "LIN-13" })
  })

  it("CPR-7: the chair or the administrator records a member's dissent for them at panel", () => {
    expect(sup.spec.given([]).when(sup.recordDissent("chair")).state()?.member.name).toBe("Sam Jessop")
    expect(sup.spec.given([]).when(sup.recordDissent("administrator")).state()?.recordedBy.name).toBe("Dev Ingleby")
  })

  it("SUP-8: at the support panels a dissent is recorded under SUP-8; refuses a member recording one in another member's name", () => {
    const refusal = sup.spec.given([]).when(sup.recordDissent("headOfService")).refusal()
    expect(refusal).toMatchObject({ _tag: "NotTheDissentingMember", ruleId: "SUP-8" })
    expect(refusal.message).toBe(
      "You can record only your own dissent; the panel chair, vice chair or panel administrator records a member's dissent for them (SUP-8)."
    )
  })

  it("SUP-8: refuses a dissent without grounds", () => {
    const refusal = sup.spec.given([]).when(sup.recordDissent("member", { grounds: "  " })).refusal()
    expect(refusal).toMatchObject({ _tag: "DisagreementDetailMissing", field: "grounds", ruleId: "SUP-8" })
  })

  it("CPR-7, DEF-DISSENT: the care planning panel cites CPR-7 for a dissent; Knowsley, whose terms of reference are silent, Carepanel's default", () => {
    const cpr = panelOf("care-planning")
    expect(cpr.spec.given([]).when(cpr.recordDissent("member", { grounds: "" })).refusal()).toMatchObject({ field: "grounds", ruleId: "CPR-7" })
    const kno = panelOf("knowsley")
    const refusal = kno.spec.given([]).when(kno.recordDissent("member", { grounds: "" })).refusal()
    expect(refusal).toMatchObject({ field: "grounds", ruleId: "DEF-DISSENT" })
    expect(refusal.message).toBe("Say why the member dissents from the decision (DEF-DISSENT, Carepanel default, not in the terms of reference; set by the authority's policy).")
  })

  it("refuses a second dissent under the same id", () => {
    expect(sup.spec.given(supNoted()).when(sup.recordDissent()).refusal()._tag).toBe("DisagreementAlreadyExists")
  })

  it("refuses every other command on a disagreement that does not exist", () => {
    expect(sup.spec.given([]).when(sup.noteAreas()).refusal()._tag).toBe("NoSuchRecord")
    expect(sup.spec.given([]).when(sup.withdraw()).refusal()._tag).toBe("NoSuchRecord")
  })
})

describe("disagreement decider: areas of disagreement (SUP-8, LIN-13)", () => {
  it("SUP-8: notes the areas at panel, trimmed, and starts the escalation clock there", () => {
    const history = sup.play([sup.recordDissent()])
    const events = sup.spec.given(history).when(sup.noteAreas([" Placement type ", "Contact with father"])).events()
    expect(events).toMatchObject([{ _tag: "AreasOfDisagreementNoted", areas: ["Placement type", "Contact with father"], ruleId: "SUP-8" }])
    const state = sup.spec.given(history).when(sup.noteAreas()).state()
    expect(state).toMatchObject({ status: "areas_noted", notedAt: at })
  })

  it("LIN-13: adds further areas before escalation, ignoring ones already noted, keeping the first noting time", () => {
    const later = london("2027-06-09", "12:15")
    const state = lin.spec
      .given(linNoted())
      .when(lin.cmd("administrator", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type", "Sibling contact"] }, later))
      .state()
    expect(state?.areas).toEqual(["Placement type", "Timescale for return home", "Sibling contact"])
    expect(state?.notedAt).toEqual(at)
    expect(lin.spec.given(linNoted()).when(lin.noteAreas(["Placement type"])).events()).toEqual([])
  })

  it("SUP-8: refuses to note no areas at all", () => {
    const refusal = sup.spec.given(sup.play([sup.recordDissent()])).when(sup.noteAreas([" ", ""])).refusal()
    expect(refusal).toMatchObject({ _tag: "DisagreementDetailMissing", field: "areas", message: "Note at least one area of disagreement (SUP-8)." })
  })

  it("refuses to note areas once the disagreement has been escalated", () => {
    const refusal = sup.spec.given(supWithManager()).when(sup.noteAreas(["Something new"])).refusal()
    expect(refusal).toMatchObject({
      _tag: "DisagreementNotInStatus",
      message: "You cannot note areas of disagreement: it is with the member's own manager."
    })
  })
})

describe("disagreement decider: escalation by the member's own manager to the Assistant Director (SUP-8)", () => {
  it("SUP-8: the member raises it with their own manager, named, who takes it to the Assistant Director", () => {
    const toManager = sup.spec.given(supNoted()).when(sup.escalate("member", "member_manager", "teamManager"))
    expect(toManager.events()).toMatchObject([
      { _tag: "DisagreementEscalated", step: "member_manager", to: { name: "Tom Brackley" }, ruleId: "SUP-8", by: { name: "Sam Jessop" } }
    ])
    expect(toManager.state()?.status).toBe("with_member_manager")
    const toDirector = sup.spec.given(supWithManager()).when(sup.escalate("teamManager", "assistant_director", "assistantDirector"))
    expect(toDirector.events()).toMatchObject([
      { step: "assistant_director", to: { name: "Ruth Fairholme" }, by: { name: "Tom Brackley", role: "team_manager" } }
    ])
    expect(toDirector.state()?.status).toBe("with_assistant_director")
    expect(toDirector.state()?.escalations.map((step) => step.step)).toEqual(["member_manager", "assistant_director"])
  })

  it("SUP-8: refuses escalation before the areas of disagreement are noted", () => {
    const refusal = sup.spec.given(sup.play([sup.recordDissent()])).when(sup.escalate("member", "member_manager", "teamManager")).refusal()
    expect(refusal).toMatchObject({
      _tag: "AreasNotNoted",
      ruleId: "SUP-8",
      message: "The areas of disagreement are noted at panel before it is escalated (SUP-8)."
    })
  })

  it("SUP-8: refuses going to the Assistant Director before the member's own manager", () => {
    const refusal = sup.spec.given(supNoted()).when(sup.escalate("member", "assistant_director", "assistantDirector")).refusal()
    expect(refusal).toMatchObject({
      _tag: "EscalationOutOfOrder",
      ruleId: "SUP-8",
      step: "assistant_director",
      message: "Sam Jessop first raises this with their own manager, who then takes it to the Assistant Director (SUP-8)."
    })
  })

  it("SUP-8: refuses raising it with a manager twice, and any step once it is with the Assistant Director", () => {
    const twice = sup.spec.given(supWithManager()).when(sup.escalate("member", "member_manager", "headOfService")).refusal()
    expect(twice).toMatchObject({
      _tag: "EscalationOutOfOrder",
      message: "This disagreement has already been raised with Tom Brackley; the next step is the Assistant Director (SUP-8)."
    })
    const after = sup.spec.given(supWithDirector()).when(sup.escalate("teamManager", "assistant_director", "assistantDirector")).refusal()
    expect(after).toMatchObject({
      _tag: "EscalationOutOfOrder",
      message: "This disagreement is already with the Assistant Director; what remains is to record the outcome (SUP-8)."
    })
  })

  it("SUP-8: refuses the manager step by anyone but the member who dissented", () => {
    const refusal = sup.spec.given(supNoted()).when(sup.escalate("chair", "member_manager", "teamManager")).refusal()
    expect(refusal).toMatchObject({
      _tag: "WrongPersonForStep",
      ruleId: "SUP-8",
      step: "member_manager",
      message: "Only Sam Jessop, who dissented, raises it with their own manager (SUP-8)."
    })
  })

  it("SUP-8: refuses the Assistant Director step by anyone but the manager the member named", () => {
    const refusal = sup.spec.given(supWithManager()).when(sup.escalate("headOfService", "assistant_director", "assistantDirector")).refusal()
    expect(refusal).toMatchObject({
      _tag: "WrongPersonForStep",
      message:
        "Only Tom Brackley, Sam Jessop's manager, takes it to the Assistant Director (SUP-8), or an Assistant Director takes it up (DEF-DISAGREEMENT-AD-TAKES-UP, Carepanel default, not in the terms of reference; set by the authority's policy)."
    })
  })

  it("DEF-DISAGREEMENT-AD-TAKES-UP: an Assistant Director takes it up from a manager who cannot (left, or away), and records its outcome", () => {
    const takenUp = sup.spec.given(supWithManager()).when(sup.escalate("assistantDirector", "assistant_director", "assistantDirector"))
    expect(takenUp.events()).toMatchObject([
      {
        _tag: "DisagreementEscalated",
        step: "assistant_director",
        to: { name: "Ruth Fairholme" },
        ruleId: "DEF-DISAGREEMENT-AD-TAKES-UP",
        by: { name: "Ruth Fairholme", role: "assistant_director" }
      }
    ])
    expect(takenUp.state()?.status).toBe("with_assistant_director")
    const history = sup.play([sup.escalate("assistantDirector", "assistant_director", "assistantDirector")], supWithManager())
    expect(sup.spec.given(history).when(sup.outcome("assistantDirector")).state()?.status).toBe("outcome_recorded")
  })

  it("SUP-8: refuses a step that names nobody", () => {
    const blank = sup.cmd("member", { _tag: "Escalate", step: "member_manager", to: { personId: sup.staff.teamManager.personId, name: " " } })
    expect(sup.spec.given(supNoted()).when(blank).refusal()).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "to",
      message: "Give the name of the member's own manager (SUP-8)."
    })
  })

  it("DEF-DISAGREEMENT-ROUTE: the care planning panel's manager route is Carepanel's default, cited as such, not SUP-8", () => {
    const cpr = panelOf("care-planning")
    const history = cpr.play([cpr.recordDissent(), cpr.noteAreas()])
    const refusal = cpr.spec.given(history).when(cpr.escalate("member", "assistant_director", "assistantDirector")).refusal()
    expect(refusal).toMatchObject({ _tag: "EscalationOutOfOrder", ruleId: "DEF-DISAGREEMENT-ROUTE" })
  })
})

describe("disagreement decider: the chair with the Assistant Director (LIN-13)", () => {
  it("LIN-13: the chair takes it to the Assistant Director in one step", () => {
    const when = lin.spec.given(linNoted()).when(lin.escalate("chair", "assistant_director", "assistantDirector"))
    expect(when.events()).toMatchObject([
      { _tag: "DisagreementEscalated", step: "assistant_director", ruleId: "LIN-13", by: { name: "Martin Gorsley", role: "panel_chair" } }
    ])
    expect(when.state()?.status).toBe("with_assistant_director")
  })

  it("LIN-13: refuses a step through the member's own manager", () => {
    const refusal = lin.spec.given(linNoted()).when(lin.escalate("member", "member_manager", "teamManager")).refusal()
    expect(refusal).toMatchObject({
      _tag: "EscalationOutOfOrder",
      ruleId: "LIN-13",
      message: "Under LIN-13 the panel chair takes a disagreement to the Assistant Director; it does not go through the member's own manager."
    })
  })

  it("LIN-13: refuses the step by anyone but the chair", () => {
    const refusal = lin.spec.given(linNoted()).when(lin.escalate("member", "assistant_director", "assistantDirector")).refusal()
    expect(refusal).toMatchObject({
      _tag: "WrongPersonForStep",
      ruleId: "LIN-13",
      message: "Only the panel chair or vice chair takes a disagreement to the Assistant Director (LIN-13)."
    })
  })
})

describe("disagreement decider: the outcome", () => {
  it("SUP-8: the Assistant Director records the outcome with a rationale; the clock is then met", () => {
    const when = sup.spec.given(supWithDirector()).when(sup.outcome("assistantDirector"))
    expect(when.events()).toMatchObject([
      { _tag: "DisagreementOutcomeRecorded", outcome: "upheld", ruleId: "SUP-8", by: { name: "Ruth Fairholme", role: "assistant_director" } }
    ])
    expect(when.state()).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "upheld", by: { name: "Ruth Fairholme" } } })
  })

  it("SUP-8: refuses an outcome before the escalation has reached the Assistant Director", () => {
    const refusal = sup.spec.given(supWithManager()).when(sup.outcome("assistantDirector")).refusal()
    expect(refusal).toMatchObject({
      _tag: "NotYetWithAssistantDirector",
      ruleId: "SUP-8",
      message:
        "An outcome is recorded once the disagreement has reached the Assistant Director (SUP-8); at present it is with the member's own manager."
    })
  })

  it("SUP-8: refuses an outcome recorded by the chair", () => {
    const refusal = sup.spec.given(supWithDirector()).when(sup.outcome("chair")).refusal()
    expect(refusal).toMatchObject({
      _tag: "WrongPersonForStep",
      message: "Only the Assistant Director records the outcome of an escalated disagreement (SUP-8)."
    })
  })

  it("LIN-13: the chair records the outcome agreed with the Assistant Director, naming them", () => {
    const agreedWith = partyOf(lin.staff.assistantDirector)
    const nextSteps = "The chair amends the decision to a 4-week placement; it returns to panel on 7 July"
    const state = lin.spec
      .given(linWithDirector())
      .when(lin.outcome("chair", { outcome: "varied", rationale: "Placement agreed for 4 weeks, then back to panel", agreedWith, nextSteps }))
      .state()
    expect(state).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "varied", agreedWith, nextSteps, by: { role: "panel_chair" } } })
  })

  it("LIN-13: the Assistant Director may record the outcome themselves", () => {
    const nextSteps = "Back to the next sitting with the connected-person assessment"
    const state = lin.spec.given(linWithDirector()).when(lin.outcome("assistantDirector", { outcome: "overturned", nextSteps })).state()
    expect(state?.outcome).toMatchObject({ outcome: "overturned", by: { role: "assistant_director" } })
    expect(state?.outcome?.agreedWith).toBeUndefined()
  })

  it("LIN-13: refuses the chair's outcome without the Assistant Director it was agreed with, or by a member", () => {
    expect(lin.spec.given(linWithDirector()).when(lin.outcome("chair")).refusal()).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "agreedWith",
      message: "The chair agrees the outcome with the Assistant Director: name them (LIN-13)."
    })
    expect(lin.spec.given(linWithDirector()).when(lin.outcome("member")).refusal()).toMatchObject({
      _tag: "WrongPersonForStep",
      message: "Only the Assistant Director, or the panel chair or vice chair with the Assistant Director, records the outcome (LIN-13)."
    })
  })

  it("LIN-13, SUP-8: refuses a decision varied or overturned without saying what happens to it now", () => {
    for (const outcome of ["varied", "overturned"]) {
      expect(lin.spec.given(linWithDirector()).when(lin.outcome("assistantDirector", { outcome, nextSteps: " " })).refusal()).toMatchObject({
        _tag: "DisagreementDetailMissing",
        field: "nextSteps",
        message: `The decision is ${outcome}: say what happens to it now - what changes, who amends the decision and whether it returns to panel (LIN-13).`
      })
    }
    expect(sup.spec.given(supWithDirector()).when(sup.outcome("assistantDirector", { outcome: "varied" })).refusal()).toMatchObject({ field: "nextSteps", ruleId: "SUP-8" })
    expect(sup.spec.given(supWithDirector()).when(sup.outcome("assistantDirector")).state()?.outcome?.nextSteps).toBeUndefined()
  })

  it("refuses an outcome without a rationale, and a second outcome", () => {
    expect(sup.spec.given(supWithDirector()).when(sup.outcome("assistantDirector", { rationale: "" })).refusal()).toMatchObject({
      _tag: "DisagreementDetailMissing",
      field: "rationale"
    })
    const decided = sup.play([sup.outcome("assistantDirector")], supWithDirector())
    expect(sup.spec.given(decided).when(sup.outcome("assistantDirector")).refusal()).toMatchObject({
      _tag: "DisagreementNotInStatus",
      message: "You cannot record an outcome: its outcome has already been recorded."
    })
  })
})

describe("disagreement decider: withdrawal (CPR-7)", () => {
  it("CPR-7: the member withdraws their dissent before an outcome, at any step", () => {
    for (const history of [sup.play([sup.recordDissent()]), supNoted(), supWithManager(), supWithDirector()]) {
      const state = sup.spec.given(history).when(sup.withdraw()).state()
      expect(state).toMatchObject({ status: "withdrawn", withdrawn: { reason: "Reassured by the revised plan", by: { name: "Sam Jessop" } } })
    }
  })

  it("CPR-7: refuses a withdrawal by anyone but the member who dissented", () => {
    expect(sup.spec.given(supNoted()).when(sup.withdraw("chair")).refusal()).toMatchObject({
      _tag: "NotTheDissentingMember",
      message: "Only Sam Jessop, who dissented, can withdraw the dissent (SUP-8)."
    })
  })

  it("refuses a withdrawal after the outcome, and escalation after a withdrawal", () => {
    const decided = sup.play([sup.outcome("assistantDirector")], supWithDirector())
    expect(sup.spec.given(decided).when(sup.withdraw()).refusal()._tag).toBe("DisagreementNotInStatus")
    const withdrawn = sup.play([sup.withdraw()], supNoted())
    expect(sup.spec.given(withdrawn).when(sup.escalate("member", "member_manager", "teamManager")).refusal()).toMatchObject({
      _tag: "DisagreementNotInStatus",
      message: "You cannot escalate this disagreement: the dissent has been withdrawn."
    })
  })
})
