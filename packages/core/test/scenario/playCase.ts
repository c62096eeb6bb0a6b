import { DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { Referrals } from "../../src/referral/Referrals.js"
import type { Role } from "../../src/shared/roles.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { playRegulation24, playS20OutsidePanel } from "./regulation24Case.js"

/** A request type this authority agrees outside panel (the first its policy names). */
const outsideType = (policy: AuthorityPolicy) =>
  policy.outsidePanel.approvers.find((entry) => entry.forRequestTypes)?.forRequestTypes?.[0] ?? policy.referral.inScope.requestTypes[0]!

/** One case through every use case of a preset: a week, a dissent to its outcome, a deferral heard again, an agreement outside panel, s20 tasks and a Regulation 24 placement. */
export const playCase = (policy: AuthorityPolicy) =>
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
    // CPR-6: where the policy runs the Complex Needs Panel referral, the panel finds joint funding with SEN fits.
    const sharedFunding = policy.decision.complexNeedsReferral === undefined ? {} : { sharedFunding: { partners: ["sen"] as const } }
    const again = { ...exampleDecision(policy, requestType, "approve", { actionsDue: addDays(second.date, 14), key: next.id }), ...sharedFunding }
    const recordedAgain = yield* decisions.recordAtPanel(staff.administrator, next.id, second.id, again)
    const secondDecision = yield* signOffAll(recordedAgain, staff.chair, holderOf)

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
      ...(type === "s20_accommodation" ? { placedAt: now } : {}),
      ...(type === "legal_planning_meeting" && policy.outsidePanel.emergencyLpmRuleId ? { lpmAt: now } : {})
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

