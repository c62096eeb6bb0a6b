import {
  addDays,
  Agendas,
  type AuthorityPolicy,
  ChildId,
  Decisions,
  Disagreements,
  EventStore,
  londonDateOf,
  Placements,
  Referrals,
  Sittings,
  weekdayOf
} from "@carepanel/core"
import { exampleDecision, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { fictionalChildren, holderOf, makeRequest } from "./seedRequests.js"

/** Whether the authority has any history yet: the seed runs only on an empty store. */
export const isEmpty = (authorityId: string) =>
  Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 1, authorityId: authorityId as never })).pipe(Effect.map((events) => events.length === 0))

/** The next `count` sittings' dates on the panel's weekday, starting at least `leadDays` from today. */
const upcomingDates = (today: string, weekday: string, leadDays: number, count: number) => {
  let date = addDays(today as never, leadDays)
  while (weekdayOf(date) !== weekday) date = addDays(date, 1)
  return Array.from({ length: count }, (_, i) => addDays(date, 7 * i))
}

/**
 * A fictional authority's first weeks, run as commands on the real store and the real clock. The core refuses a
 * sitting in the past, so the calendar is the next four sittings; the first sitting's agenda is built and its
 * decisions recorded ahead of it (the core allows it), one with a member's dissent; one request is agreed outside
 * panel now; one Regulation 24 placement was made two hours ago.
 */
export const seedAuthority = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const [sittings, referrals, agendas, decisions, disagreements, placements] = yield* Effect.all([Sittings, Referrals, Agendas, Decisions, Disagreements, Placements])
    const now = yield* DateTime.now
    const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0])
    const dates = upcomingDates(londonDateOf(now), weekday, 10, 4)
    const scheduled = yield* Effect.forEach(dates, (date) => sittings.schedule(staff.administrator, panel.id, date))
    const [first, second] = scheduled as unknown as [(typeof scheduled)[number], (typeof scheduled)[number]]
    const types = policy.referral.inScope.requestTypes
    const typeAt = (i: number) => types[i % types.length]!
    const [a, b, c, d, e, f] = fictionalChildren

    const ready = yield* Effect.forEach([a, b, c, d], (child, i) => makeRequest(policy, staff, child, typeAt(i), "ready"))
    yield* makeRequest(policy, staff, e, typeAt(4), "submitted")
    yield* makeRequest(policy, staff, f, typeAt(5), "draft")
    const facts = (sitting: typeof first) => ({ sittingId: sitting.id, panelId: sitting.panelId, date: sitting.date, startsAt: sitting.startsAt })
    for (const referral of ready.slice(0, 3)) yield* referrals.acceptOntoSitting(staff.administrator, referral.id, facts(first))
    yield* referrals.acceptOntoSitting(staff.administrator, ready[3]!.id, facts(second))

    yield* agendas.build(staff.administrator, first.id)
    yield* sittings.publishAgenda(staff.administrator, first.id)
    const actionsDue = addDays(first.date, 14)
    const outcomes = ["approve", "defer", "approve"] as const
    const recorded = []
    for (const [i, referral] of ready.slice(0, 3).entries()) {
      const content = exampleDecision(policy, referral.form.requestTypes[0]!, outcomes[i]!, { actionsDue, key: referral.id })
      let decision = yield* decisions.recordAtPanel(staff.administrator, referral.id, first.id, content)
      while (decision.pendingSignOffs.length > 0) decision = yield* decisions.signOff(holderOf(staff, decision.pendingSignOffs[0]!.role), decision.id)
      recorded.push(decision)
    }
    const dissent = yield* disagreements.recordDissent(staff.member, {
      decisionId: recorded[0]!.id,
      referralId: recorded[0]!.subject.referralId,
      sittingId: first.id,
      member: { personId: staff.member.personId, name: staff.member.name },
      dissentsFrom: { _tag: "Decision" },
      grounds: "The plan relies on a support network that has not been assessed"
    })
    yield* disagreements.noteAreas(staff.chair, dissent.id, ["Whether the family network can sustain the plan"])

    const placement = yield* placements.recordBasicTest(staff.socialWorker, ChildId.make("wx-child-07"), {
      wouldRefuseToSupportReturnHome: true,
      wouldAskPoliceToUsePoliceProtection: false,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    yield* placements.recordPolicePowers(staff.socialWorker, placement.id, false)
    yield* placements.recordPlacementMade(staff.socialWorker, placement.id, DateTime.subtract(now, { hours: 2 }), [
      { name: "Maureen Ashby", relationship: "maternal grandmother", hasParentalResponsibility: false }
    ])
    yield* placements.recordViabilityAssessment(staff.socialWorker, placement.id)
    return { sittings: scheduled.length, requests: 6, decisions: recorded.length, placements: 1 }
  })
