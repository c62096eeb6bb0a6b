import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import { ChildId } from "../../src/shared/ids.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Placements } from "../../src/regulation24/Placements.js"
import type { Role } from "../../src/shared/roles.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

/** A request type this authority agrees outside panel (the first its policy names). */
const outsideType = (policy: AuthorityPolicy) =>
  policy.outsidePanel.approvers.find((entry) => entry.forRequestTypes)?.forRequestTypes?.[0] ?? policy.referral.inScope.requestTypes[0]!

const playCase = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!
    const [referrals, sittings, agendas, decisions, disagreements, placements, deadlines] = yield* Effect.all([
      Referrals, Sittings, Agendas, Decisions, Disagreements, Placements, Deadlines
    ])
    const first = yield* playWeek(policy)
    const [approved, deferred] = first.decisions

    // A member formally dissents from the first decision; the policy's route takes it to the Assistant Director.
    const dissent = yield* disagreements.recordDissent(staff.member, {
      decisionId: approved!.id, referralId: approved!.subject.referralId, sittingId: first.sitting.id,
      member: { personId: staff.member.personId, name: staff.member.name }, dissentsFrom: { _tag: "Decision" },
      grounds: "The family network has not been explored"
    })
    yield* disagreements.noteAreas(staff.chair, dissent.id, ["Whether kinship care was fully explored"])
    const ad = { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name }
    if (dissent.route === "member_manager_then_assistant_director") {
      yield* disagreements.escalate(staff.member, dissent.id, "member_manager", { personId: staff.serviceManager.personId, name: staff.serviceManager.name })
      yield* disagreements.escalate(staff.serviceManager, dissent.id, "assistant_director", ad)
    } else {
      yield* disagreements.escalate(staff.chair, dissent.id, "assistant_director", ad)
    }
    const resolved = yield* disagreements.recordOutcome(staff.assistantDirector, dissent.id, { outcome: "upheld", rationale: "Kinship options were explored at the FGC" })

    // The deferred request goes onto the next sitting, built from what is due, and is approved.
    const nextSittingAfter = (instant: DateTime.Utc) =>
      sittings
        .list(staff.administrator, { panelId: first.sitting.panelId })
        .pipe(Effect.map((all) => all.find((sitting) => DateTime.greaterThan(sitting.startsAt, instant))!))
    const next = yield* referrals.get(staff.administrator, deferred!.subject.referralId)
    const second = yield* nextSittingAfter(first.sitting.startsAt)
    yield* referrals.acceptOntoSitting(staff.administrator, next.id, { sittingId: second.id, panelId: second.panelId, date: second.date, startsAt: second.startsAt })
    const agenda = yield* agendas.build(staff.administrator, second.id)
    yield* sittings.publishAgenda(staff.administrator, second.id)
    yield* TestClock.setTime(second.endsAt.epochMillis)
    const requestType = next.form.requestTypes[0]!
    let secondDecision = yield* decisions.recordAtPanel(staff.administrator, next.id, second.id, exampleDecision(policy, requestType, "approve", { actionsDue: addDays(second.date, 14), key: next.id }))
    while (secondDecision.pendingSignOffs.length > 0) secondDecision = yield* decisions.signOff(holderOf(secondDecision.pendingSignOffs[0]!.role), secondDecision.id)

    // The first decision's actions are done, with the FGC and case-note steps the policy asks for.
    for (const action of approved!.content.actions) yield* decisions.completeAction(staff.socialWorker, approved!.id, action.actionId, "Done and recorded on the child's file")
    if (policy.decision.fgcReferralEscalations.length > 0) {
      for (const action of approved!.content.actions.filter((candidate) => candidate.fgcReferral)) yield* decisions.recordFgcReferralReceived(staff.practiceSupervisor, approved!.id, action.actionId)
    }
    if (policy.decision.actionsCaseNote) yield* decisions.recordActionsCaseNote(staff.teamManager, approved!.id, "Support Panel Actions: all completed")

    // An urgent agreement outside panel, by the roles the policy names.
    const type = outsideType(policy)
    const urgent = yield* referrals.createDraft(staff.socialWorker, exampleForm(first.sitting.panelId, type, { id: "child-u", name: "Morgan Vale" }))
    const now = yield* DateTime.now
    const approvers = policy.outsidePanel.approvers.filter((entry) => entry.forRequestTypes === undefined || entry.forRequestTypes.includes(type))
    let outside = yield* decisions.recordOutsidePanel(holderOf(approvers[0]!.anyOf[0]), urgent.id, {
      content: exampleDecision(policy, type, "approve", { actionsDue: addDays(second.date, 21), key: urgent.id }),
      whyOutsidePanel: "The child could not wait for the next sitting",
      timescales: "Agreed for two weeks, then reviewed",
      ...(type === "s20_accommodation" ? { placedAt: now } : {})
    })
    while (outside.outsidePanel!.pendingAgreements.length > 0) {
      outside = yield* decisions.agreeOutsidePanel(holderOf(outside.outsidePanel!.pendingAgreements[0]!.anyOf[0]), outside.id)
    }
    const third = yield* nextSittingAfter(second.startsAt)
    const thirdAgenda = yield* agendas.propose(staff.administrator, third.id)
    const openBeforePlacement = yield* deadlines.forAuthority(staff.administrator)

    // A connected-person placement reaches its 16-week limit and is extended once (STAT-R24, STAT-R25-1).
    const placementClocks = deadlines.forAuthority(staff.administrator).pipe(
      Effect.map((all) => all.filter((deadline) => deadline.about.kind === "placement"))
    )
    const placement = yield* placements.recordBasicTest(staff.socialWorker, ChildId.make("child-r"), {
      wouldRefuseToSupportReturnHome: true,
      wouldAskPoliceToUsePoliceProtection: false,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    yield* placements.recordPlacementMade(staff.socialWorker, placement.id, yield* DateTime.now, [
      { name: "Jo Harrow", relationship: "aunt", hasParentalResponsibility: false }
    ])
    yield* placements.recordViabilityAssessment(staff.socialWorker, placement.id)
    yield* placements.authorisePlacement(staff.serviceManager, placement.id)
    yield* placements.recordKinshipReferral(staff.socialWorker, placement.id, true)
    yield* placements.recordLookedAfterConsent(staff.assistantDirector, placement.id)
    yield* TestClock.adjust("15 weeks")
    const nearExpiry = yield* placementClocks
    const extended = yield* placements.extendApproval(staff.headOfService, placement.id, 8, {
      stillMostAppropriateConsidered: true,
      fosteringPanelViewsSought: true,
      iroInformed: true,
      nominatedOfficerApproved: true
    })
    yield* TestClock.adjust("2 weeks")
    const pastSixteenWeeks = yield* placementClocks
    const ended = yield* placements.end(staff.socialWorker, placement.id, "approved_as_foster_carer")
    const afterEnding = yield* placementClocks
    return { first, resolved, agenda, secondDecision, outside, thirdAgenda, openBeforePlacement, nearExpiry, extended, pastSixteenWeeks, ended, afterEnding }
  })

describe("a case per preset: draft to decision to actions met, with a deferral, a disagreement, an agreement outside panel and a Regulation 24 placement", () => {
  it.effect.each(presetSlugs)("%s", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const result = yield* playCase(policy)
      // CPR-7 and the policy's route: dissent noted, escalated to the Assistant Director, outcome recorded in time.
      expect(result.resolved).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "upheld" } })
      expect(result.resolved.escalations.at(-1)!.step).toBe("assistant_director")
      // CPR-8: the deferred request was heard again at the next sitting, from an agenda built from what was due.
      expect(result.agenda.agenda.map((item) => item.kind)).toContain("request")
      expect(result.secondDecision).toMatchObject({ status: "final", content: { outcome: "approve" } })
      // SUP-7, NSO-10, LIN-11, KNO-5: agreed outside panel by the roles the policy names; presented later only where it asks.
      expect(result.outside.status).toBe("final")
      const retrospective = result.thirdAgenda.filter((entry) => entry.kind === "retrospective")
      expect(retrospective.length).toBe(policy.outsidePanel.retrospectivePresentation ? 1 : 0)
      // Nothing overdue but the abandoned draft from the first week; the first decision's actions are all met.
      const overdue = result.openBeforePlacement.filter((deadline) => deadline.state === "overdue")
      expect(overdue.map((deadline) => deadline.about.id)).toEqual([result.first.draft.id])
      const firstActions = result.first.decisions[0]!.content.actions.map((action) => action.actionId as string)
      expect(result.openBeforePlacement.filter((deadline) => firstActions.includes(deadline.about.id))).toEqual([])
      // STAT-R24: a week before the 16 weeks end, the expiry is pending and its two-week warning has fired;
      // STAT-R25-1: extended once, the child stays placed past 16 weeks with the extension's clock running.
      const approval = result.nearExpiry.filter((deadline) => deadline.ruleId === "STAT-R24")
      expect(approval.map((deadline) => [deadline.title.includes(" ends in ") ? "warning" : "expiry", deadline.state]).sort()).toEqual([
        ["expiry", "pending"],
        ["warning", "overdue"]
      ])
      expect(result.pastSixteenWeeks.filter((deadline) => deadline.state === "overdue")).toEqual([])
      expect(result.pastSixteenWeeks.some((deadline) => deadline.ruleId === "STAT-R25-1")).toBe(true)
      expect(result.ended.status).toBe("ended")
      expect(result.afterEnding).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )
})
