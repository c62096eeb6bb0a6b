import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { formatDate } from "../../src/calendar/format.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import type { Role } from "../../src/shared/roles.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { playRegulation24, playS20OutsidePanel } from "./regulation24Case.js"

/** A request type this authority agrees outside panel (the first its policy names). */
const outsideType = (policy: AuthorityPolicy) =>
  policy.outsidePanel.approvers.find((entry) => entry.forRequestTypes)?.forRequestTypes?.[0] ?? policy.referral.inScope.requestTypes[0]!

const playCase = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!
    const [referrals, sittings, agendas, decisions, disagreements, deadlines] = yield* Effect.all([
      Referrals, Sittings, Agendas, Decisions, Disagreements, Deadlines
    ])
    const first = yield* playWeek(policy)
    const [approved, deferred] = first.decisions

    // A member at the sitting formally dissents from the first decision; the policy's route takes it to the Assistant Director.
    yield* sittings.recordAttendance(staff.administrator, first.sitting.id, {
      personId: staff.member.personId, name: staff.member.name, seat: "Member", membership: "standing", status: "present"
    })
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

    // The deferred request comes back by itself: the next sitting's agenda, built from what is due, proposes it.
    const nextSittingAfter = (instant: DateTime.Utc) =>
      sittings
        .list(staff.administrator, { panelId: first.sitting.panelId })
        .pipe(Effect.map((all) => all.find((sitting) => DateTime.greaterThan(sitting.startsAt, instant))!))
    const next = yield* referrals.get(staff.administrator, deferred!.subject.referralId)
    const second = yield* nextSittingAfter(first.sitting.startsAt)
    const agenda = yield* agendas.build(staff.administrator, second.id)
    yield* sittings.publishAgenda(staff.administrator, second.id)
    yield* TestClock.setTime(second.startsAt.epochMillis)
    // KNO-2: the chair settles who is there; a non-standing seat that never answered did not attend.
    yield* sittings.confirmQuorum(staff.chair, second.id, true, "Chair and standing members present")
    yield* TestClock.setTime(second.endsAt.epochMillis)
    const requestType = next.form.requestTypes[0]!
    let secondDecision = yield* decisions.recordAtPanel(staff.administrator, next.id, second.id, exampleDecision(policy, requestType, "approve", { actionsDue: addDays(second.date, 14), key: next.id }))
    while (secondDecision.pendingSignOffs.length > 0) secondDecision = yield* decisions.signOff(holderOf(secondDecision.pendingSignOffs[0]!.roles[0]), secondDecision.id)

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

    // LIN-12 where s20 accommodation may be agreed outside panel; a Regulation 24 placement to its 16-week limit.
    const s20Tasks = yield* playS20OutsidePanel(policy, first.sitting.panelId, addDays(second.date, 21))
    const placement = yield* playRegulation24(policy)
    return { first, resolved, agenda, secondDecision, outside, thirdAgenda, openBeforePlacement, s20Tasks, placement }
  })

describe("a case per preset: draft to decision to actions met, with a deferral, a disagreement, agreements outside panel (LIN-12) and a Regulation 24 placement", () => {
  it.effect.each(presetSlugs)("%s", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const result = yield* playCase(policy)
      // CPR-7 and the policy's route: dissent noted, escalated to the Assistant Director, outcome recorded in time.
      expect(result.resolved).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "upheld" } })
      expect(result.resolved.escalations.at(-1)!.step).toBe("assistant_director")
      // CPR-8: the deferred request was heard again at the next sitting, from an agenda built from what was due.
      const deferredId = result.first.decisions[1]!.subject.referralId
      expect(result.agenda.agenda.filter((item) => item.referralId === deferredId).map((item) => [item.kind, item.summary.split(":")[0]])).toEqual([
        ["request", `Request deferred from the sitting on ${formatDate(result.first.sitting.date)}`]
      ])
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
      // LIN-12: the four 48-hour tasks, each met in time, where the policy has them.
      expect(result.s20Tasks.map((deadline) => [deadline.ruleId, deadline.state, deadline.metLate])).toEqual(
        policy.outsidePanel.s20Tasks === undefined ? [] : Array.from({ length: 4 }, () => ["LIN-12", "met", false])
      )
      // STAT-R24: just after its warning falls due, the expiry is still pending; an hour before it, it is due soon.
      const { placement } = result
      const approvalClocks = (deadlines: typeof placement.warned) =>
        deadlines.filter((deadline) => deadline.ruleId === "STAT-R24").map((deadline) => [deadline.title.includes(" ends in ") ? "warning" : "expiry", deadline.state]).sort()
      expect(approvalClocks(placement.warned)).toEqual([["expiry", "pending"], ["warning", "overdue"]])
      expect(approvalClocks(placement.nearExpiry)).toEqual([["expiry", "due_soon"], ["warning", "overdue"]])
      // STAT-R25-1: extended once just before expiry, to 24 weeks; a second extension is refused.
      expect(placement.extended.approval?.extension?.weeks).toBe(8)
      expect(placement.again).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-1" })
      expect(placement.pastSixteenWeeks.filter((deadline) => deadline.state === "overdue")).toEqual([])
      expect(placement.pastSixteenWeeks.some((deadline) => deadline.ruleId === "STAT-R25-1")).toBe(true)
      expect(placement.ended.status).toBe("ended")
      expect(placement.afterEnding).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )
})
