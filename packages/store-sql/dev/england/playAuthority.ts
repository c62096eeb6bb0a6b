import {
  addDays,
  type AgendaEntry,
  type Actor,
  type AuthorityPolicy,
  atLondon,
  Decisions,
  DocumentId,
  englandAndWales,
  type LocalDate,
  type Referral,
  Referrals,
  requestTypeLabel,
  type Role,
  type Sitting,
  Sittings,
  timeOfDay,
  weekdayOf
} from "@carepanel/core"
import { exampleDecision, exampleForm, signOffAll, staffOf } from "@carepanel/core/testing"
import { Clock, DateTime, Effect } from "effect"

type Staff = ReturnType<typeof staffOf>

/** How much of a year an authority gets through, and where its history starts. */
export interface PlayOptions {
  readonly firstDay: LocalDate
  readonly weeks: number
  readonly requestsPerYear: number
}

/** A clock stopped at one instant: each step of the history runs at the time it would have happened. */
const stoppedAt = (millis: number): Clock.Clock => {
  const real = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => real.sleep(duration)
  }
}
const at =
  (instant: DateTime.Utc, hours = 0) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.withClock(effect, stoppedAt(instant.epochMillis + hours * 3_600_000))

const holderOf = (staff: Staff, role: Role): Actor => Object.values(staff).find((actor) => actor.roles.includes(role))!

/** A fictional child: a made-up name from two short lists, never a real child. */
const givenNames = ["Ellis", "Noor", "Riley", "Tegan", "Jude", "Ari", "Lowen", "Sunniva", "Casey", "Romilly", "Idris", "Wren"]
const familyNames = ["Marrow", "Castleton", "Ambrose", "Hollis", "Penhallow", "Whitcombe", "Trask", "Pell", "Fenwick", "Oldroyd"]
const childOf = (authorityId: string, n: number) => ({
  id: `${authorityId}-child-${n}`,
  name: `${givenNames[n % givenNames.length]} ${familyNames[Math.floor(n / givenNames.length) % familyNames.length]}`
})

/** A request made two weeks before its sitting (draft, papers, submitted, every approval) and accepted onto it a day later. */
const readyFor = (policy: AuthorityPolicy, staff: Staff, sitting: Sitting, n: number) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    const types = policy.referral.inScope.requestTypes
    const requestType = types[n % types.length]!
    const child = childOf(policy.authority.id, n)
    const referral = yield* at(sitting.startsAt, -14 * 24)(
      Effect.gen(function* () {
        const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(sitting.panelId, requestType, child))
        const documents = policy.referral.requiredDocuments.filter((doc) => doc.forRequestTypes === undefined || doc.forRequestTypes.includes(requestType))
        for (const [i, doc] of documents.entries()) {
          yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`${child.id}-doc-${i + 1}`), kind: doc.kind, title: doc.kind.replaceAll("_", " ") })
        }
        let made: Referral = yield* referrals.submit(staff.socialWorker, draft.id)
        while (made.status === "awaiting_approval") made = yield* referrals.approve(holderOf(staff, made.pendingApprovals[0]!.role), made.id)
        return made
      })
    )
    return yield* at(sitting.startsAt, -13 * 24)(referrals.acceptOntoSitting(staff.administrator, referral.id, sitting.id))
  })

/** An agenda line for a request, as the administrator's agenda builder words it. */
const entryOf = (referral: Referral, summary: string): AgendaEntry => ({
  referralId: referral.id,
  childIds: referral.form.children.map((child) => child.childId),
  kind: "request",
  summary: `${summary}: ${referral.form.requestTypes.map((type) => requestTypeLabel[type]).join(", ")}`
})

/**
 * A sitting from its agenda to its uploaded record: the agenda (its own requests, then those deferred last time) built
 * and published two days ahead,
 * members present and quorate at the start, a decision on each request (one in ten deferred, to the next sitting),
 * each signed off, the record to the chair and back, and every action done by its owner (below) if that falls before
 * `until`, the end of the history: what is still open at the end is what a real authority has open on any day.
 */
const hold = (policy: AuthorityPolicy, staff: Staff, scheduled: Sitting, entries: ReadonlyArray<AgendaEntry>, n: number, until: DateTime.Utc) =>
  Effect.gen(function* () {
    const [sittings, decisions] = yield* Effect.all([Sittings, Decisions])
    const deferred: Array<Referral> = []
    if (entries.length === 0) return deferred
    yield* at(scheduled.startsAt, -48)(Effect.zipRight(sittings.buildAgenda(staff.administrator, scheduled.id, entries), sittings.publishAgenda(staff.administrator, scheduled.id)))
    const sitting = yield* sittings.get(staff.administrator, scheduled.id)
    yield* at(sitting.startsAt, -1)(
      Effect.forEach([staff.chair, staff.member, staff.teamManager], (person) =>
        sittings.recordAttendance(staff.administrator, sitting.id, {
          personId: person.personId,
          name: person.name,
          seat: person === staff.chair ? "Chair" : person.roles[0]!,
          membership: "standing",
          status: "present"
        })
      )
    )
    yield* at(sitting.startsAt)(sittings.confirmQuorum(staff.chair, sitting.id, true, "The chair, the team manager and a member are present"))
    const referrals = yield* Referrals
    for (const [i, item] of sitting.agenda.entries()) {
      const referral = yield* referrals.get(staff.administrator, item.referralId)
      const outcome = (n + i) % 10 === 0 ? "defer" : "approve"
      const content = exampleDecision(policy, referral.form.requestTypes[0]!, outcome, { actionsDue: addDays(sitting.date, 14), key: referral.id })
      const decision = yield* at(item.startsAt, 0.1)(decisions.recordAtPanel(staff.administrator, referral.id, sitting.id, content))
      if (outcome === "defer") deferred.push(referral)
      const signed = yield* at(sitting.endsAt)(signOffAll(decision, staff.chair, (role) => holderOf(staff, role)))
      for (const [k, action] of signed.content.actions.entries()) {
        const done = DateTime.add(sitting.endsAt, { days: daysToDo(k, n + i) })
        if (DateTime.lessThan(done, until)) {
          yield* at(done)(decisions.completeAction(holderOf(staff, action.ownerRole), signed.id, action.actionId, "Done as agreed at panel"))
        }
      }
    }
    yield* at(sitting.endsAt, 22)(sittings.sendDraftRecordToChair(staff.administrator, sitting.id))
    yield* at(sitting.endsAt, 44)(sittings.returnFinalRecord(staff.chair, sitting.id))
    for (const item of sitting.agenda) {
      for (const childId of item.childIds) yield* at(sitting.endsAt, 50)(sittings.recordChildUploaded(staff.administrator, sitting.id, childId, item.referralId))
    }
    return deferred
  })

/** Days after the sitting that its decision's `k`th action is done: a week, then ten days; one decision in ten late (past 14). */
const daysToDo = (k: number, n: number) => (k === 0 ? 6 : n % 10 === 3 ? 20 : 10)

/** The working days of a week from its panel's weekday on, as many as the week's sittings need. */
const sittingDays = (monday: LocalDate, weekday: string, count: number): ReadonlyArray<LocalDate> => {
  const week = Array.from({ length: 5 }, (_, i) => addDays(monday, i)).filter((date) => englandAndWales.isWorkingDay(date))
  const from = Math.max(0, week.findIndex((date) => weekdayOf(date) === weekday))
  return [...week.slice(from), ...week.slice(0, from)].slice(0, count).sort()
}

/**
 * An authority's history, week by week, through the core's use cases: each week's requests spread over its panel's
 * sittings (extra sittings on the following working days when one sitting cannot hold them all), each sitting held.
 * `afterWeek` runs after each week (the seed writes that week's commits there).
 */
export const playAuthority = <E, R>(policy: AuthorityPolicy, options: PlayOptions, afterWeek: (week: number) => Effect.Effect<void, E, R>) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const sittings = yield* Sittings
    const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0]!)
    const minutes = (DateTime.distance(atLondon(options.firstDay, panel.hours.start), atLondon(options.firstDay, panel.hours.end)) / 60_000) | 0
    // Half the room for new requests: the rest for those deferred last time and the reviews that come back on their own.
    const perSitting = Math.max(1, Math.floor(minutes / panel.slotMinutes.min / 2))
    let made = 0
    let deferred: ReadonlyArray<Referral> = []
    const until = atLondon(addDays(options.firstDay, 7 * options.weeks), timeOfDay("00:00"))
    for (let week = 0; week < options.weeks; week++) {
      const monday = addDays(options.firstDay, 7 * week)
      const due = Math.round(((week + 1) * options.requestsPerYear) / 52) - made
      const days = sittingDays(monday, weekday, Math.ceil(due / perSitting))
      for (const [d, date] of days.entries()) {
        const sitting = yield* at(atLondon(addDays(date, -28), timeOfDay("10:00")))(sittings.schedule(staff.administrator, panel.id, date))
        const count = Math.min(perSitting, due - d * perSitting)
        const ready: Array<Referral> = []
        for (let i = 0; i < count; i++) ready.push(yield* readyFor(policy, staff, sitting, made + i))
        const entries = [...ready.map((referral) => entryOf(referral, "Request")), ...deferred.map((referral) => entryOf(referral, "Request deferred"))]
        deferred = yield* hold(policy, staff, sitting, entries, made, until)
        made += count
      }
      yield* afterWeek(week)
    }
    return made
  })
