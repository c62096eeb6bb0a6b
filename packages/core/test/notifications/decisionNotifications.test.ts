import { describe, expect, it } from "@effect/vitest"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionContent, Subject } from "../../src/decision/DecisionParts.js"
import type { CaseContext } from "../../src/notifications/CaseContext.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { ChildId, DecisionId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, decisionId, heldSitting, sittingEnds, subject } from "../decision/fixtures.js"
import { as, contextOf, london } from "../fixtures.js"
import { nameless, robinsCase, story, who } from "./fixtures.js"

type Slug = "lincolnshire" | "north-somerset" | "care-planning"

/** A decision told command by command at an authority; the context carries the case unless told otherwise. */
const decisionAt = (slug: Slug, known: CaseContext | null = robinsCase) => {
  const staff = staffOf(slug)
  const context = { ...contextOf(slug), ...(known === null ? {} : { case: known }) }
  const step = story(decisionDecider, contextOf(slug))
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-09", "13:30")) =>
    ({ ...body, by: as(staff[actor]), at: when }) as DecisionCommand
  const notify = (command: DecisionCommand) => {
    const { events, state } = step(command)
    return decisionNotifications(events, state, context)
  }
  /** Recorded at a sitting chaired by `chairedBy` (the panel chair unless a deputy chaired). */
  const record = (overrides: Partial<DecisionContent> = {}, types?: Subject["requestTypes"], chairedBy: keyof typeof staff = "chair") =>
    notify(
      cmd("administrator", {
        _tag: "RecordDecision",
        decisionId,
        subject: subject(types),
        sitting: heldSitting(slug, { quorum: { enough: true, chair: { personId: staff[chairedBy].personId, name: staff[chairedBy].name } } }),
        content: content(overrides)
      })
    )
  return { staff, cmd, notify, record }
}

/** A Lincolnshire team manager proposes a legal planning meeting outside panel (LIN-11). */
const lpmProposedBecause = (whyOutsidePanel: string) => ({
  _tag: "RecordOutsidePanelAgreement",
  decisionId,
  subject: subject(["legal_planning_meeting"]),
  content: content({ agreed: { legalPlanningMeeting: true } }),
  whyOutsidePanel,
  timescales: "A legal planning meeting this week"
})

/** North Somerset's head of service proposes s20 accommodation outside panel (NSO-10), minutes to follow. */
const s20ProposedBy = (whyOutsidePanel: string, timescales: string) => ({
  _tag: "RecordOutsidePanelAgreement",
  decisionId,
  subject: subject(),
  content: content({ minutes: undefined }),
  whyOutsidePanel,
  timescales
})

describe("decision notifications", () => {
  it("LIN-5, LIN-6: recorded, the chair who chaired is asked to sign; signed, the social worker and team manager get it with their act-by", () => {
    const lin = decisionAt("lincolnshire")
    const recorded = lin.record()
    expect(who(recorded)).toEqual([
      { id: "dec_1:sign-off:0:sitting_chair", kind: "decision.awaiting_sign_off", to: "person:martin-gorsley", ruleId: undefined }
    ])
    expect(recorded[0]?.headline).toBe("Panel decision for child child-1 (accommodation under section 20) is waiting for Martin Gorsley's (who chaired the sitting) sign-off (DEF-CHAIR-SIGNS, Carepanel default)")
    const final = lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    expect(who(final)).toEqual([
      { id: "dec_1:final:social_worker", kind: "decision.final", to: "person:priya-ashdown", ruleId: "LIN-5" },
      { id: "dec_1:final:team_manager", kind: "decision.final", to: "person:tom-brackley", ruleId: "LIN-6" }
    ])
    // The social worker's first action (the FGC referral, 23 June); the team manager's LIN-6 case note, a month after the sitting.
    expect(final[0]?.actBy?.due).toBe("2027-06-23T16:00:00.000Z")
    expect(final[1]?.actBy).toMatchObject({ due: "2027-07-09T12:00:00.000Z", ruleId: "LIN-6" })
  })

  it("SUP-6, CPR-8: the final decision says the outcome, the rationale, what was agreed and every action with its owner and due date", () => {
    const lin = decisionAt("lincolnshire")
    lin.record({ rationale: "Robin Testwood has no safe carer this week; accommodation is proportionate" })
    const [final] = lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    expect(final?.headline).toBe("Panel decision for child child-1 (accommodation under section 20): approved")
    expect(final?.body).toEqual([
      "Outcome: approved, at the sitting on Wed 9 Jun 2027.",
      "Request ref_1: accommodation under section 20.",
      "Children: child-1.",
      "Rationale: the child has no safe carer this week; accommodation is proportionate",
      "Accommodation agreed for 6 weeks, then back to panel.",
      "Placement type: in house foster.",
      "Actions:",
      "- Hold a family group conference - social worker - due Wed 23 Jun 2027 (Family Group Conference referral)",
      "- Write to the parents - team manager - due Fri 11 Jun 2027"
    ])
    expect(final?.facts).toEqual({
      decisionId: "dec_1",
      referralId: "ref_1",
      sittingId: "sit_1",
      madeAt: "panel",
      outcome: "approve",
      requestTypes: "s20_accommodation",
      childIds: "child-1",
      heardAt: "2027-06-09T12:00:00.000Z",
      actions: 2
    })
  })

  it("NSO-8: the chair signs, then the Assistant Director finalises; without the case the team manager role is told", () => {
    const nso = decisionAt("north-somerset", null)
    // NSO-1, NSO-8: a Head of Service deputised as chair: they, and no other holder of the role, are asked to sign first.
    expect(who(nso.record({ minutes: undefined }, undefined, "headOfService"))).toMatchObject([{ id: "dec_1:sign-off:0:sitting_chair", to: "person:grace-dunmore" }])
    expect(who(nso.notify(nso.cmd("headOfService", { _tag: "SignOff" }))).map((n) => n.id)).toEqual(["dec_1:sign-off:1:assistant_director"])
    const final = nso.notify(nso.cmd("assistantDirector", { _tag: "SignOff" }))
    expect(who(final)).toEqual([{ id: "dec_1:final:team_manager", kind: "decision.final", to: "role:team_manager", ruleId: "DEF-RECORD-TIMESCALES" }])
  })

  it("without the case (its request could not be read), the free text every team manager is told is withheld whole: no child's name could be taken out of it", () => {
    const nso = decisionAt("north-somerset", null)
    const canary = "Tallulah Canarywood"
    const recorded = content({ minutes: undefined, rationale: `${canary} cannot stay at home tonight` })
    nso.record({ minutes: undefined, rationale: recorded.rationale, actions: recorded.actions.map((action) => ({ ...action, description: `Visit ${canary} daily` })) })
    nso.notify(nso.cmd("chair", { _tag: "SignOff" }))
    const final = nso.notify(nso.cmd("assistantDirector", { _tag: "SignOff" }))
    expect(who(final).map((notice) => notice.to)).toEqual(["role:team_manager"])
    const told = JSON.stringify(final)
    expect(told).not.toContain("Canarywood")
    expect(told).not.toContain("Tallulah")
    expect(final[0]?.body).toContain("Rationale: (not shown here: read it in Carepanel)")
    // With the case, the same words go to the case's own team manager with the child's name taken out.
    const known = decisionAt("north-somerset")
    known.record({ minutes: undefined, rationale: `${robinsCase.childNames[0]} cannot stay at home tonight` })
    known.notify(known.cmd("chair", { _tag: "SignOff" }))
    const toCase = known.notify(known.cmd("assistantDirector", { _tag: "SignOff" }))
    expect(toCase.find((notice) => notice.kind === "decision.final")?.body).toContain("Rationale: the child cannot stay at home tonight")
  })

  it("LIN-7: a return closed by case note emails Safeguarding & Review (the panel administration) at once, within the timescale", () => {
    const lin = decisionAt("lincolnshire")
    lin.record({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })
    lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    const waived = lin.notify(lin.cmd("teamManager", { _tag: "WaiveReturn", caseNote: "Home conditions improved for Robin Testwood" }, london("2027-07-01", "10:00")))
    expect(who(waived)).toEqual([{ id: "dec_1:return-waived:panel_administrator", kind: "decision.return_waived", to: "role:panel_administrator", ruleId: undefined }])
    expect(waived[0]?.headline).toBe("Request for child child-1 (accommodation under section 20) will not return to panel: progress made it unnecessary (LIN-7)")
    expect(waived[0]?.body.slice(0, 2)).toEqual([
      "Case note: Home conditions improved for the child",
      "Recorded by Tom Brackley at 10:00 Thu 1 Jul 2027, within the return's timescale (LIN-7)."
    ])
    expect(waived[0]?.facts).toMatchObject({ ruleId: "LIN-7", waivedAt: "2027-07-01T09:00:00.000Z" })
  })

  it("CPR-8: a declined decision without actions goes out without an act-by", () => {
    const cpr = decisionAt("care-planning")
    cpr.record({ outcome: "decline", actions: [], agreed: {}, minutes: undefined }, ["placement_change"])
    const final = cpr.notify(cpr.cmd("chair", { _tag: "SignOff" }))
    expect(final.map((n) => [n.headline, n.actBy])).toEqual([
      ["Panel decision for child child-1 (changing a placement): declined", undefined],
      ["Panel decision for child child-1 (changing a placement): declined", undefined]
    ])
    expect(final[0]?.body).toContain("No actions.")
  })

  it("LIN-11: an urgent agreement outside panel asks the service manager, and is sent to the caseholders once agreed", () => {
    const lin = decisionAt("lincolnshire")
    const recorded = lin.notify(
      lin.cmd("teamManager", lpmProposedBecause("Robin Testwood was left at school; no sitting until Wednesday"), london("2027-06-07", "18:00"))
    )
    expect(who(recorded)).toEqual([{ id: "dec_1:agreement:service_manager", kind: "decision.awaiting_agreement", to: "role:service_manager", ruleId: undefined }])
    expect(recorded[0]?.headline).toBe("An urgent decision outside panel for child child-1 (a legal planning meeting) needs your agreement (LIN-11)")
    expect(recorded[0]?.body[0]).toBe("Why it could not wait for panel: the child was left at school; no sitting until Wednesday")
    const agreed = lin.notify(lin.cmd("serviceManager", { _tag: "AgreeOutsidePanel" }, london("2027-06-07", "19:00")))
    expect(who(agreed).map((n) => n.id)).toEqual(["dec_1:final:social_worker", "dec_1:final:team_manager"])
    expect(agreed[0]?.body[0]).toBe("Outcome: approved, agreed outside panel (LIN-11) at 18:00 Mon 7 Jun 2027.")
  })

  it("LIN-11: tripartite funding recorded by the team manager, who confirms the case: the service manager asked to agree it is told the case confirmed, and by whom", () => {
    const lin = decisionAt("lincolnshire")
    const recorded = lin.notify(
      lin.cmd("teamManager", {
        _tag: "RecordOutsidePanelAgreement",
        decisionId,
        subject: subject(["expenditure"]),
        content: content({ agreed: { funding: { amountPence: 450_000, period: "one_off", budget: "Disabled children" } } }),
        whyOutsidePanel: "The school place starts on Monday",
        timescales: "For the school year",
        confirmsCase: true,
        disabledChildIds: [ChildId.make("child-1")]
      }, london("2027-06-07", "18:00"))
    )
    expect(who(recorded)).toEqual([{ id: "dec_1:agreement:service_manager", kind: "decision.awaiting_agreement", to: "role:service_manager", ruleId: undefined }])
    expect(recorded[0]?.body[1]).toBe("Agreed only as: tripartite funding for a disabled child in a 38-week educational placement, as Tom Brackley confirmed in recording it (LIN-11)")
  })

  it("LIN-11: the agreement asked for outside panel carries the decision's facts for the case system: its rule, each request type and each child", () => {
    const lin = decisionAt("lincolnshire")
    const recorded = lin.notify(
      lin.cmd("teamManager", {
        _tag: "RecordOutsidePanelAgreement",
        decisionId,
        subject: { ...subject(["legal_planning_meeting", "pre_proceedings"]), childIds: [ChildId.make("child-1"), ChildId.make("child-2")] },
        content: content({ agreed: { legalPlanningMeeting: true, preProceedings: true } }),
        whyOutsidePanel: "Both children left at school; no sitting until Wednesday",
        timescales: "A legal planning meeting this week"
      }, london("2027-06-07", "18:00"))
    )
    expect(recorded[0]?.facts).toMatchObject({
      ruleId: "LIN-11",
      requestTypes: "legal_planning_meeting,pre_proceedings",
      childIds: "child-1,child-2"
    })
  })

  it("NSO-10: recorded by a head of service, who agrees at once, only the Assistant Director's agreement is asked for", () => {
    const nso = decisionAt("north-somerset")
    const recorded = nso.notify(
      nso.cmd("headOfService", s20ProposedBy("Parent arrested overnight", "Accommodation until Wednesday's panel"), london("2027-06-07", "18:00"))
    )
    expect(who(recorded)).toEqual([{ id: "dec_1:agreement:assistant_director", kind: "decision.awaiting_agreement", to: "role:assistant_director", ruleId: undefined }])
    const agreed = nso.notify(nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" }, london("2027-06-07", "19:00")))
    expect(agreed.map((n) => n.kind)).toEqual(["decision.final", "decision.final"])
  })

  it("NSO-10: a proposal the panel overtakes lapses: the Assistant Director asked to agree it and the Head of Service who proposed it are told, once, that nothing is to be agreed", () => {
    const nso = decisionAt("north-somerset")
    nso.notify(
      nso.cmd("headOfService", s20ProposedBy("Robin Testwood's parent was arrested overnight", "Accommodation until the next panel"), london("2027-06-07", "18:00"))
    )
    const heardAtPanel = { decisionId: DecisionId.make("dec_2"), heardAt: sittingEnds, atPanel: true, sittingId: SittingId.make("sit_1") }
    const lapsed = nso.notify(nso.cmd("administrator", { _tag: "NoteLaterHearing", hearing: heardAtPanel }))
    expect(who(lapsed)).toEqual([
      { id: "dec_1:lapsed:assistant_director", kind: "decision.lapsed", to: "role:assistant_director", ruleId: undefined },
      { id: "dec_1:lapsed:proposer", kind: "decision.lapsed", to: "person:grace-dunmore", ruleId: undefined }
    ])
    expect(lapsed[0]?.headline).toBe(
      "The urgent decision outside panel for child child-1 (accommodation under section 20) lapsed: the request was heard at the sitting on Wed 9 Jun 2027 before it was agreed (NSO-10)"
    )
    expect(lapsed[0]?.body).toEqual([
      "The proposal has lapsed (NSO-10): the request was heard at the sitting on Wed 9 Jun 2027 before it was agreed. Nothing is to be agreed on it, and none of its actions is owed.",
      "Proposed by Grace Dunmore (head of service) at 18:00 Mon 7 Jun 2027. Why it could not wait for panel: the child's parent was arrested overnight",
      "Request ref_1: accommodation under section 20. Children: child-1.",
      "The decision made at the hearing stands. If circumstances have changed since, record a new agreement outside panel."
    ])
    expect(lapsed[0]?.facts).toMatchObject({ decisionId: "dec_1", referralId: "ref_1", ruleId: "NSO-10", overtakenBy: "dec_2", overtakenAtPanel: true, overtakenAt: "2027-06-09T12:00:00.000Z", overtakenSittingId: "sit_1" })
    for (const notice of lapsed) for (const text of [...nameless(notice), ...notice.body]) expect(text).not.toMatch(/Robin|Testwood/)
    // Told of a further hearing, it was already lapsed: nobody is told again.
    const again = { decisionId: DecisionId.make("dec_3"), heardAt: london("2027-06-16", "13:00"), atPanel: true, sittingId: SittingId.make("sit_2") }
    expect(nso.notify(nso.cmd("administrator", { _tag: "NoteLaterHearing", hearing: again }, london("2027-06-16", "13:30")))).toEqual([])
  })

  it("LIN-11: a proposal overtaken by another agreement outside panel tells the service manager asked to agree it and the team manager who proposed it when the request was decided", () => {
    const lin = decisionAt("lincolnshire")
    lin.notify(
      lin.cmd("teamManager", lpmProposedBecause("Left at school; no sitting until Wednesday"), london("2027-06-07", "18:00"))
    )
    const decidedOutside = { decisionId: DecisionId.make("dec_2"), heardAt: london("2027-06-08", "10:15"), atPanel: false }
    const lapsed = lin.notify(lin.cmd("serviceManager", { _tag: "NoteLaterHearing", hearing: decidedOutside }, london("2027-06-08", "10:15")))
    expect(who(lapsed).map((n) => [n.id, n.to])).toEqual([
      ["dec_1:lapsed:service_manager", "role:service_manager"],
      ["dec_1:lapsed:proposer", "person:tom-brackley"]
    ])
    expect(lapsed[0]?.headline).toBe(
      "The urgent decision outside panel for child child-1 (a legal planning meeting) lapsed: the request was decided outside panel at 10:15 Tue 8 Jun 2027 before it was agreed (LIN-11)"
    )
  })

  it("NSO-10: a proposal the Assistant Director refuses tells the Head of Service still asked to agree it, beside the caseholders (the team manager proposed it)", () => {
    const nso = decisionAt("north-somerset")
    nso.notify(nso.cmd("teamManager", s20ProposedBy("Parent arrested overnight", "Accommodation until the next panel"), london("2027-06-07", "18:00")))
    const refused = nso.notify(nso.cmd("assistantDirector", { _tag: "RefuseOutsidePanel", reason: "Kinship care has not been explored" }, london("2027-06-08", "09:00")))
    expect(who(refused).map((n) => [n.id, n.kind, n.to])).toEqual([
      ["dec_1:refused:social_worker", "decision.agreement_refused", "person:priya-ashdown"],
      ["dec_1:refused:team_manager", "decision.agreement_refused", "person:tom-brackley"],
      ["dec_1:refused:asked:head_of_service", "decision.agreement_refused", "role:head_of_service"]
    ])
  })

  it("a later hearing noted on a final decision, or on one refused, tells nobody it lapsed", () => {
    const lin = decisionAt("lincolnshire")
    lin.record()
    lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    const later = { decisionId: DecisionId.make("dec_2"), heardAt: london("2027-06-16", "13:00"), atPanel: true, sittingId: SittingId.make("sit_2") }
    expect(lin.notify(lin.cmd("administrator", { _tag: "NoteLaterHearing", hearing: later }, london("2027-06-16", "13:30")))).toEqual([])

    const nso = decisionAt("north-somerset")
    nso.notify(
      nso.cmd("headOfService", s20ProposedBy("Parent arrested overnight", "Accommodation until the next panel"), london("2027-06-07", "18:00"))
    )
    nso.notify(nso.cmd("assistantDirector", { _tag: "RefuseOutsidePanel", reason: "Kinship care has not been explored" }, london("2027-06-08", "09:00")))
    expect(nso.notify(nso.cmd("administrator", { _tag: "NoteLaterHearing", hearing: later }, london("2027-06-16", "13:30")))).toEqual([])
  })

  it("SUP-6: an amendment to a final decision goes to the caseholders again, once per amendment", () => {
    const lin = decisionAt("lincolnshire")
    lin.record()
    lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    const amend = (whatChanged: string) =>
      lin.notify(lin.cmd("chair", { _tag: "AmendDecision", content: content({ agreed: { accommodationWeeks: 8, placement: "in_house_foster" } }), whatChanged, why: "Typing error" }))
    expect(amend("Accommodation 8 weeks, not 6").map((n) => n.id)).toEqual(["dec_1:amended:1:social_worker", "dec_1:amended:1:team_manager"])
    expect(amend("Again").map((n) => n.id)).toEqual(["dec_1:amended:2:social_worker", "dec_1:amended:2:team_manager"])
  })

  it("progress on an action tells nobody; the same commits always give the same ids", () => {
    const run = () => {
      const lin = decisionAt("lincolnshire")
      return [...lin.record(), ...lin.notify(lin.cmd("chair", { _tag: "SignOff" }))]
    }
    expect(run()).toEqual(run())
    const lin = decisionAt("lincolnshire")
    lin.record()
    lin.notify(lin.cmd("chair", { _tag: "SignOff" }))
    expect(lin.notify(lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: "act_2", evidence: "Letter sent" }))).toEqual([])
  })
})
