import {
  addDays,
  Agendas,
  type AuthorityPolicy,
  ChildId,
  daysBetween,
  type Decision,
  Decisions,
  Disagreements,
  EventStore,
  londonDateOf,
  Placements,
  Referrals,
  type Sitting,
  SittingId,
  Sittings
} from "@carepanel/core"
import { exampleDecision, signOffAll, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { asOf, hoursFrom } from "./asOf.js"
import { isClaimTaken } from "./claimTaken.js"
import { seedSittingDays } from "./seedSittingDays.js"
import { fictionalChildren, holderOf, makeRequest, type Staff } from "./seedRequests.js"
import { openSitting, publish, readyFor } from "./sittingSteps.js"

/** Whether the authority has any history yet: the seed runs only on an empty store. */
export const isEmpty = (authorityId: string) =>
  Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 1, authorityId: authorityId as never })).pipe(Effect.map((events) => events.length === 0))

/** A sitting's morning: its decisions, each signed off by whoever the policy asks, the chair's areas of any dissent. */
const hear = (policy: AuthorityPolicy, staff: Staff, sitting: Sitting, outcomes: ReadonlyArray<readonly [string, "approve" | "defer"]>) =>
  Effect.gen(function* () {
    const [referrals, decisions] = yield* Effect.all([Referrals, Decisions])
    yield* openSitting(policy, staff, sitting)
    const heard: Decision[] = []
    for (const [i, [referralId, outcome]] of outcomes.entries()) {
      const referral = yield* referrals.get(staff.administrator, referralId as never)
      const content = exampleDecision(policy, referral.form.requestTypes[0]!, outcome, { actionsDue: addDays(sitting.date, 14), key: referralId })
      heard.push(yield* asOf(hoursFrom(sitting.startsAt, 0.5 + 0.5 * i))(decisions.recordAtPanel(staff.administrator, referral.id, sitting.id, content)))
    }
    // The chair who opened the sitting (and found it quorate) takes the sitting chair's sign-off.
    return yield* asOf(sitting.endsAt)(Effect.forEach(heard, (decision) => signOffAll(decision, staff.chair, (role) => holderOf(staff, role))))
  })

/** The record's turnaround after a sitting (CPR-11): draft to the chair the next day, back final, uploaded per child. */
const writeUp = (staff: Staff, sitting: Sitting, upTo: "draft" | "uploaded") =>
  Effect.gen(function* () {
    const sittings = yield* Sittings
    yield* asOf(hoursFrom(sitting.endsAt, 22))(sittings.sendDraftRecordToChair(staff.administrator, sitting.id))
    if (upTo === "draft") return
    yield* asOf(hoursFrom(sitting.endsAt, 44))(sittings.returnFinalRecord(staff.chair, sitting.id))
    const uploaded = yield* sittings.get(staff.administrator, sitting.id)
    for (const item of uploaded.agenda) {
      for (const childId of item.childIds) yield* asOf(hoursFrom(sitting.endsAt, 50))(sittings.recordChildUploaded(staff.administrator, sitting.id, childId, item.referralId))
    }
  })

/**
 * A fictional authority's last weeks and the next two, played through the use cases at the times they would have
 * happened: three sittings heard (one request deferred and brought back, a member's dissent, actions done and one
 * overdue, one record still with the chair), two to come with their requests, drafts and a request awaiting its
 * team manager, and a Regulation 24 placement made two hours ago. Undefined, having written nothing, where another
 * process has claimed the seed of this authority (see `isClaimTaken`).
 */
export const seedAuthority = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const [sittings, agendas, decisions, disagreements, placements] = yield* Effect.all([Sittings, Agendas, Decisions, Disagreements, Placements])
    const now = yield* DateTime.now
    const today = londonDateOf(now)
    const days = seedSittingDays(panel, today)
    if (days === undefined) {
      return yield* Effect.dieMessage(
        `${panel.name}'s fixed dates give fewer than three sittings on or before ${addDays(today, -3)} and two after ${today}: the demonstration seed needs them`
      )
    }
    const [firstDay, ...otherDays] = days
    // Scheduled well before the first sitting, whose requests are made ready nine days before it.
    const scheduledAt = asOf(hoursFrom(now, -24 * Math.max(6 * 7, daysBetween(firstDay!, today) + 14)))
    // The first sitting's id is the seed's claim: where processes start together on an empty store, one schedules it
    // and seeds; the others are refused it before writing anything.
    const claim = yield* scheduledAt(
      sittings.schedule(staff.administrator, panel.id, firstDay!, { sittingId: SittingId.make(`sit_${policy.authority.id}_demo_seed`) })
    ).pipe(Effect.catchIf(isClaimTaken, () => Effect.succeed(undefined)))
    if (claim === undefined) return undefined
    const all = [claim, ...(yield* scheduledAt(Effect.forEach(otherDays, (date) => sittings.schedule(staff.administrator, panel.id, date))))]
    const [first, second, third, next] = all as [Sitting, Sitting, Sitting, Sitting]
    const [a, b, c, d, e, f, g, h] = fictionalChildren

    const onFirst = yield* Effect.forEach([a, b, c], (child, i) => readyFor(policy, staff, first, child, i))
    yield* publish(staff, first)
    const [approved, deferred] = yield* hear(policy, staff, first, [
      [onFirst[0]!, "approve"],
      [onFirst[1]!, "defer"],
      [onFirst[2]!, "approve"]
    ])
    const dissent = yield* asOf(hoursFrom(first.startsAt, 1))(
      disagreements.recordDissent(staff.member, {
        decisionId: approved!.id,
        member: { personId: staff.member.personId, name: staff.member.name },
        dissentsFrom: { _tag: "Decision" },
        grounds: "The plan relies on a support network that has not been assessed"
      })
    )
    yield* asOf(first.endsAt)(disagreements.noteAreas(staff.chair, dissent.id, ["Whether the family network can sustain the plan"]))
    yield* writeUp(staff, first, "uploaded")
    const [fgc] = approved!.content.actions
    if (fgc !== undefined) {
      yield* asOf(hoursFrom(first.endsAt, 3 * 24))(decisions.recordFgcReferralReceived(staff.practiceSupervisor, approved!.id, fgc.actionId))
      yield* asOf(hoursFrom(first.endsAt, 6 * 24))(decisions.completeAction(staff.socialWorker, approved!.id, fgc.actionId, "FGC referral accepted; conference booked"))
    }

    // The deferred request comes back on the next sitting's agenda by itself, beside a new one.
    yield* readyFor(policy, staff, second, d, 3)
    yield* publish(staff, second)
    const heardSecond = yield* hear(policy, staff, second, [
      [deferred!.subject.referralId, "approve"],
      ...(yield* sittings.get(staff.administrator, second.id)).agenda
        .filter((item) => item.referralId !== deferred!.subject.referralId)
        .map((item) => [item.referralId, "approve"] as const)
    ])
    yield* writeUp(staff, second, "uploaded")

    yield* readyFor(policy, staff, third, e, 4)
    yield* publish(staff, third)
    const heardThird = yield* hear(policy, staff, third, [[(yield* sittings.get(staff.administrator, third.id)).agenda[0]!.referralId, "approve"]])
    yield* writeUp(staff, third, "draft")

    yield* readyFor(policy, staff, next, f, 5)
    yield* asOf(hoursFrom(now, -1))(agendas.build(staff.administrator, next.id)) // drafted, not yet sent to members
    yield* asOf(hoursFrom(now, -26))(makeRequest(policy, staff, g, policy.referral.inScope.requestTypes[0]!, "submitted"))
    yield* asOf(hoursFrom(now, -3))(makeRequest(policy, staff, h, policy.referral.inScope.requestTypes[0]!, "draft"))

    const placement = yield* asOf(hoursFrom(now, -3))(
      placements.recordBasicTest(staff.socialWorker, ChildId.make("wx-child-09"), {
        wouldRefuseToSupportReturnHome: true,
        wouldAskPoliceToUsePoliceProtection: false,
        wouldSeekLegalAdviceToStartCareProceedings: false
      })
    )
    yield* placements.recordPolicePowers(staff.socialWorker, placement.id, false)
    yield* placements.recordPlacementMade(staff.socialWorker, placement.id, hoursFrom(now, -2), [
      { name: "Maureen Ashby", relationship: "maternal grandmother", hasParentalResponsibility: false }
    ])
    yield* placements.recordViabilityAssessment(staff.socialWorker, placement.id)
    return { sittings: all.length, requests: 8, decisions: 3 + heardSecond.length + heardThird.length, placements: 1 }
  })
