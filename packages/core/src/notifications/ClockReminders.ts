import { Cause, DateTime, type Duration, Effect, Option, Schedule } from "effect"
import { readSome, readWhere } from "../agenda/readAll.js"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { Deadline } from "../deadlines/Deadline.js"
import { openDeadlinesOf } from "../deadlines/computeDeadlines.js"
import { liveDeadlineInputs } from "../deadlines/liveDeadlineInputs.js"
import { Outbox } from "../ports/Outbox.js"
import type { Policies } from "../ports/Policies.js"
import type { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import type { Placement } from "../regulation24/Placement.js"
import { placementsOfChildren } from "../regulation24/placementsOfChildren.js"
import { authorityContext } from "../shared/authorityContext.js"
import { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"
import { type DueReminder, possibleReminderIds, reminderIds, reminderNotifications, remindersDue } from "./clockNotifications.js"
import { type ClockLookup, clockLookup } from "./clockLookup.js"

/** Clocks fall due soon this many hours ahead, as the deadlines list says (`Deadlines`). */
const dueSoonHours = 48

/**
 * The requests behind the clocks that call for a reminder, whole (their children, social worker and team manager say
 * who is reminded): a request's own, a decision's, an action's or a disagreement's request, and every request of a
 * placement's or a child's clock's child (its newest open one is the case). Only those: not every request.
 */
const requestsBehind = (authorityId: AuthorityId, alarming: ReadonlyArray<Deadline>, byRecord: ClockLookup) =>
  Effect.gen(function* () {
    const requestIds = new Set(alarming.flatMap((deadline) => byRecord.requestOf(deadline.about) ?? []))
    const childIds = new Set(alarming.flatMap((deadline) => (deadline.about.kind === "placement" || deadline.about.kind === "child" ? (deadline.about.childIds ?? []) : [])))
    const [requests, ofChildren] = yield* Effect.all([
      readSome(referralCollection, Referral, authorityId, requestIds),
      Effect.forEach(childIds, (childId) => readWhere(referralCollection, Referral, authorityId, { childIds: childId }))
    ])
    const all = new Map([...requests, ...ofChildren.flat()].map((referral) => [referral.id as string, referral]))
    return [...all.values()]
  })

/**
 * Every Regulation 24 placement of the children of the reminders' cases (ended ones too), beside those the clocks were
 * worked out from: the names their carers and s20 parents hold are taken out of the reminders' free text (`caseOf`).
 */
const placementsOfTheirChildren = (authorityId: AuthorityId, reminders: ReadonlyArray<DueReminder>, byCase: ClockLookup, known: ReadonlyArray<Placement>) =>
  placementsOfChildren(authorityId, new Set(reminders.flatMap(({ deadline }) => byCase.caseOf(deadline.about)?.childIds ?? []))).pipe(
    Effect.map((read) => [...new Map([...known, ...read].map((placement) => [placement.id as string, placement])).values()])
  )

/**
 * Due-soon and overdue reminders of an authority's running clocks, queued in the outbox for every channel: each clock
 * reminds each person it concerns once when it falls due soon and once when it goes overdue (the outbox keeps the first
 * entry of an id), so the job can run as often as wanted, in as many processes as share the store.
 */
export class ClockReminders extends Effect.Service<ClockReminders>()("@carepanel/core/ClockReminders", {
  effect: Effect.gen(function* () {
    const context = yield* Effect.context<ReadModels | Policies | WorkingCalendar | Outbox>()

    return {
      /**
       * Queues the reminders due now for one authority that are not queued yet; answers how many notifications it
       * queued. The outbox is asked first which are queued, by every id each could have whatever its case: a run
       * that finds them all queued (every run after the first, until a clock falls due) reads no request and no
       * placement and writes nothing.
       */
      remind: (authorityId: AuthorityId) =>
        Effect.gen(function* () {
          const authority = yield* authorityContext(authorityId)
          const now = yield* DateTime.now
          const inputs = yield* liveDeadlineInputs(authorityId, authority.policy, now)
          const due = remindersDue(openDeadlinesOf(inputs, authority, { now, dueSoonHours }), now, dueSoonHours)
          if (due.length === 0) return 0
          const records = { sittings: inputs.sittings, decisions: inputs.decisions ?? [], disagreements: inputs.disagreements ?? [], placements: inputs.placements ?? [] }
          const scope = { authorityId, policy: authority.policy, dueSoonHours }
          const withoutRequests = clockLookup({ referrals: [], ...records })
          const outbox = yield* Outbox
          // Whatever their cases, the reminders of a repeat run are queued already: only the others' requests are read.
          const possibleIds = due.map((reminder) => possibleReminderIds(reminder, { ...scope, lookup: withoutRequests }))
          const queued = yield* outbox.queuedAmong(possibleIds.flat())
          const maybeUnsent = due.filter((_, i) => possibleIds[i]!.some((id) => !queued.has(id)))
          if (maybeUnsent.length === 0) return 0
          const referrals = yield* requestsBehind(authorityId, maybeUnsent.map((reminder) => reminder.deadline), withoutRequests)
          const byCase = clockLookup({ referrals, ...records })
          const unsent = maybeUnsent.filter((reminder) => reminderIds(reminder, { ...scope, lookup: byCase }).some((id) => !queued.has(id)))
          if (unsent.length === 0) return 0
          const placements = yield* placementsOfTheirChildren(authorityId, unsent, byCase, records.placements)
          const fresh = reminderNotifications(unsent, { ...scope, lookup: clockLookup({ referrals, ...records, placements }) }).filter((notification) => !queued.has(notification.id))
          yield* outbox.enqueue(fresh, DateTime.formatIso(now))
          return fresh.length
        }).pipe(Effect.provide(context))
    }
  })
}) {}

/**
 * A run that failed: the store's failure is one warning line, what it could not do in its own words (it comes back
 * every 5 minutes while a database is down, so no stack); anything else is a fault in the code, logged with its cause.
 */
const reportFailure = (authorityId: AuthorityId) => (cause: Cause.Cause<unknown>) => {
  const failure = Cause.failureOption(cause)
  return Option.isSome(failure) && failure.value instanceof PersistenceError
    ? Effect.logWarning("Clock reminders failed; trying again next time").pipe(
        Effect.annotateLogs({ authorityId, operation: failure.value.operation, error: failure.value.message })
      )
    : Effect.logError("Clock reminders failed unexpectedly; trying again next time", cause).pipe(Effect.annotateLogs({ authorityId }))
}

/**
 * Queues every authority's reminders now, then every `every`, for as long as it runs (each API process runs it; the
 * outbox keeps one entry per reminder, so processes sharing a store never send one twice). A failed run is logged and
 * tried again next time.
 */
export const remindEvery = (authorityIds: ReadonlyArray<AuthorityId>, every: Duration.DurationInput) =>
  Effect.flatMap(ClockReminders, (reminders) =>
    Effect.forEach(authorityIds, (authorityId) => reminders.remind(authorityId).pipe(Effect.catchAllCause(reportFailure(authorityId))), { discard: true }).pipe(
      Effect.repeat(Schedule.spaced(every)),
      Effect.asVoid
    )
  )
