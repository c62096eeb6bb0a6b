import {
  addDays,
  type AgendaEntry,
  type Actor,
  agreedFieldsFor,
  type AuthorityPolicy,
  atLondon,
  authorityContext,
  type Calendar,
  type Decision,
  type DecisionContent,
  Decisions,
  DocumentId,
  englandAndWales,
  type LocalDate,
  type Referral,
  Referrals,
  requestTypeLabel,
  reviewWindows,
  type Role,
  type RuleId,
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
/** Runs an effect with the clock stopped at `instant` plus `hours`. */
export const at =
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

/** An agenda line for a request, as the administrator's agenda builder words it (`proposeAgenda`). */
const entryOf = (referral: Referral, summary: string, kind: AgendaEntry["kind"] = "request"): AgendaEntry => ({
  referralId: referral.id,
  childIds: referral.form.children.map((child) => child.childId),
  kind,
  summary: `${summary}${kind === "review" ? " of" : ":"} ${referral.form.requestTypes.map((type) => requestTypeLabel[type]).join(", ")}`
})

/**
 * A request that must come back to its panel: a decision's window (`reviewWindows`, the core's own: back to panel
 * within N weeks, LIN-7; s20 accommodation agreed for N weeks; an automatic review, NSO-9) not met yet. It is heard
 * at the first sitting of the panel that ends at or after `opens`: the window's opening for a review (a hearing
 * before it is not the review), the last fortnight of the period for a return (a week or two before it ends, as an
 * authority brings s20 accommodation back; a fortnight always holds a sitting of the seed's weekly panel, bank
 * holidays included). `by` is the end of the window; `round` counts the come-backs of the request (1 for the first).
 */
interface ComeBack {
  readonly referral: Referral
  readonly opens: DateTime.Utc
  readonly by: DateTime.Utc
  readonly ruleId: RuleId
  readonly review: boolean
  readonly round: number
  /** The request's number in the history: picks which pre-proceedings end at the first review. */
  readonly n: number
}

/** The come-back a decision starts, if any: its windows, each one hearing meeting them all. */
const comeBackOf = (decision: Decision, referral: Referral, policy: AuthorityPolicy, calendar: Calendar, round: number, n: number): ReadonlyArray<ComeBack> => {
  const windows = reviewWindows([decision], policy, calendar)
  if (windows.length === 0) return []
  const reviews = new Set<string>(policy.decision.automaticReviews.map((review) => review.ruleId))
  const opensOf = (window: (typeof windows)[number]) => {
    if (reviews.has(window.ruleId)) return window.earliest
    const fortnightBefore = DateTime.subtract(window.latest, { days: 14 })
    return DateTime.max(window.earliest, fortnightBefore)
  }
  const first = windows.reduce((soonest, window) => (DateTime.lessThan(window.latest, soonest.latest) ? window : soonest))
  return [
    {
      referral,
      opens: windows.map(opensOf).reduce((a, b) => DateTime.max(a, b)),
      by: first.latest,
      ruleId: first.ruleId,
      review: windows.every((window) => reviews.has(window.ruleId)),
      round,
      n
    }
  ]
}

/**
 * What the panel decides when a request comes back, so that every chain ends as it does in a real authority:
 * - a review of pre-proceedings (NSO-9): two in three are kept at the first review (the changes the plan asks for are
 *   not yet secure: reviewed again in 8 to 10 weeks) and end at the second, about 16 to 20 weeks in; one in three end
 *   at the first. Ending is an approval that agrees pre-proceedings no longer (`preProceedings: false`), which starts
 *   no review (`startsReviews`);
 * - s20 accommodation coming back before its period ends: the accommodation continues under the child's care plan
 *   and its reviews, with no further fixed period, so no further return. Where every s20 approval must say for how
 *   long (LIN-5), the first return agrees it once more, for 12 weeks while the plan for the child's return home is
 *   put in place, and the second ends it: the panel does not agree further accommodation (declined), the child goes
 *   home;
 * - any other return to panel: the plan continues as agreed, no further return.
 * A come-back is never deferred. An approval updates the child's plan (one action, done as the seed's others are).
 */
const comeBackDecision = (policy: AuthorityPolicy, back: ComeBack, actionsDue: LocalDate): DecisionContent => {
  const requestType = back.referral.form.requestTypes[0]!
  const key = `${back.referral.id}-back-${back.round}`
  const base = exampleDecision(policy, requestType, "approve", { actionsDue, key })
  const approve = (rationale: string, agreed: DecisionContent["agreed"]): DecisionContent => ({
    ...base,
    rationale,
    agreed,
    actions: base.actions.filter((action) => !action.fgcReferral)
  })
  // What the first approval agreed, less its fixed period.
  const { accommodationWeeks: _weeks, ...agreed } = base.agreed
  if (back.review) {
    const keep = back.round === 1 && back.n % 3 !== 0
    const fields = policy.decision.automaticReviews.filter((review) => review.ruleId === back.ruleId).flatMap((review) => agreedFieldsFor(review.forRequestTypes))
    return approve(
      keep
        ? "Pre-proceedings continue: the family is making progress but the changes the plan asks for are not yet secure"
        : "Pre-proceedings end: the family has made the changes the plan asked for; the child stays at home with a child in need plan",
      { ...agreed, ...Object.fromEntries(fields.map((field) => [field, keep])) }
    )
  }
  if (requestType === "s20_accommodation" && policy.decision.signsOfSafetyMinutes !== undefined) {
    if (back.round === 1) return approve("Accommodation continues while the plan for the child's return home is put in place", { ...agreed, accommodationWeeks: 12 })
    return {
      ...exampleDecision(policy, requestType, "decline", { actionsDue, key }),
      rationale: "The panel does not agree further accommodation: the child goes home with the family network's support"
    }
  }
  return approve("The plan continues as agreed, under the child's care plan and its reviews: no further return to panel", agreed)
}

/**
 * A sitting from its agenda to its uploaded record: the agenda (its own requests, then those deferred last time, then
 * the requests coming back to it, `comingBack`) built and published two days ahead,
 * members present and quorate at the start, a decision on each request (one in ten of the new and deferred ones
 * deferred, to the next sitting; a come-back decided as `comeBackDecision` says),
 * each signed off, the record to the chair and back, every action done by its owner (below), each FGC referral received
 * three days after the sitting (LIN-9) and the actions case note written the day after the last action (LIN-6), where
 * the policy asks for them, each if that falls before `until`, the end of the history: what is still open at the end
 * is what a real authority has open on any day.
 * Returns the requests deferred and the come-backs its decisions start.
 */
const hold = (
  policy: AuthorityPolicy,
  calendar: Calendar,
  staff: Staff,
  scheduled: Sitting,
  entries: ReadonlyArray<AgendaEntry>,
  comingBack: ReadonlyMap<string, ComeBack>,
  n: number,
  until: DateTime.Utc
) =>
  Effect.gen(function* () {
    const [sittings, decisions] = yield* Effect.all([Sittings, Decisions])
    const deferred: Array<Referral> = []
    const comeBacks: Array<ComeBack> = []
    if (entries.length === 0) return { deferred, comeBacks }
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
      const back = comingBack.get(referral.id)
      const actionsDue = addDays(sitting.date, 14)
      const content =
        back === undefined
          ? exampleDecision(policy, referral.form.requestTypes[0]!, (n + i) % 10 === 0 ? "defer" : "approve", { actionsDue, key: referral.id })
          : comeBackDecision(policy, back, actionsDue)
      const decision = yield* at(item.startsAt, 0.1)(decisions.recordAtPanel(staff.administrator, referral.id, sitting.id, content))
      if (content.outcome === "defer") deferred.push(referral)
      const signed = yield* at(sitting.endsAt)(signOffAll(decision, staff.chair, (role) => holderOf(staff, role)))
      comeBacks.push(...comeBackOf(signed, referral, policy, calendar, (back?.round ?? 0) + 1, back?.n ?? n + i))
      // LIN-9: the FGC service has each referral three days after the sitting, where the policy escalates one it has not.
      const received = DateTime.add(sitting.endsAt, { days: 3 })
      if (policy.decision.fgcReferralEscalations.length > 0 && DateTime.lessThan(received, until)) {
        for (const action of signed.content.actions.filter((candidate) => candidate.fgcReferral)) {
          yield* at(received)(decisions.recordFgcReferralReceived(staff.practiceSupervisor, signed.id, action.actionId))
        }
      }
      let lastDone = sitting.endsAt
      for (const [k, action] of signed.content.actions.entries()) {
        const done = DateTime.add(sitting.endsAt, { days: daysToDo(k, n + i) })
        if (DateTime.lessThan(done, until)) {
          yield* at(done)(decisions.completeAction(holderOf(staff, action.ownerRole), signed.id, action.actionId, "Done as agreed at panel"))
        }
        lastDone = DateTime.max(lastDone, done)
      }
      // LIN-6: the team manager's "Support Panel Actions" case note, the day after the last action is done.
      const noted = DateTime.add(lastDone, { days: 1 })
      if (policy.decision.actionsCaseNote !== undefined && signed.content.actions.length > 0 && DateTime.lessThan(noted, until)) {
        yield* at(noted)(decisions.recordActionsCaseNote(staff.teamManager, signed.id, "Support Panel Actions: every action updated"))
      }
    }
    yield* at(sitting.endsAt, 22)(sittings.sendDraftRecordToChair(staff.administrator, sitting.id))
    yield* at(sitting.endsAt, 44)(sittings.returnFinalRecord(staff.chair, sitting.id))
    for (const item of sitting.agenda) {
      for (const childId of item.childIds) yield* at(sitting.endsAt, 50)(sittings.recordChildUploaded(staff.administrator, sitting.id, childId, item.referralId))
    }
    return { deferred, comeBacks }
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
 * Requests whose decisions set a window to come back in (s20 accommodation agreed for N weeks, a return to panel,
 * NSO-9's reviews) are kept here, in memory as the deferred ones are (no read of the decisions per sitting), and put
 * on the first sitting that ends at or after their `opens` as reviews, in the room a sitting has beyond its new and
 * deferred requests (soonest window first; one that does not fit waits for the next sitting). A week with no new
 * request still sits when something comes back or was deferred. Come-backs due after the history's end stay pending:
 * what is open at the end is the last weeks' business.
 * `afterWeek` runs after each week (the seed writes that week's commits there).
 */
export const playAuthority = <E, R>(policy: AuthorityPolicy, options: PlayOptions, afterWeek: (week: number) => Effect.Effect<void, E, R>) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const sittings = yield* Sittings
    const { calendar } = yield* authorityContext(policy.authority.id)
    const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0]!)
    const minutes = (DateTime.distance(atLondon(options.firstDay, panel.hours.start), atLondon(options.firstDay, panel.hours.end)) / 60_000) | 0
    // Half the room for new requests: the rest for those deferred last time and the requests that come back (`ComeBack`).
    const perSitting = Math.max(1, Math.floor(minutes / panel.slotMinutes.min / 2))
    let made = 0
    let deferred: ReadonlyArray<Referral> = []
    let comeBacks: Array<ComeBack> = []
    const until = atLondon(addDays(options.firstDay, 7 * options.weeks), timeOfDay("00:00"))
    for (let week = 0; week < options.weeks; week++) {
      const monday = addDays(options.firstDay, 7 * week)
      const due = Math.round(((week + 1) * options.requestsPerYear) / 52) - made
      const nextMonday = atLondon(addDays(monday, 7), timeOfDay("00:00"))
      const waiting = deferred.length > 0 || comeBacks.some((back) => DateTime.lessThan(back.opens, nextMonday))
      const days = sittingDays(monday, weekday, Math.max(Math.ceil(due / perSitting), waiting ? 1 : 0))
      for (const [d, date] of days.entries()) {
        const sitting = yield* at(atLondon(addDays(date, -28), timeOfDay("10:00")))(sittings.schedule(staff.administrator, panel.id, date))
        const count = Math.max(0, Math.min(perSitting, due - d * perSitting))
        const ready: Array<Referral> = []
        for (let i = 0; i < count; i++) ready.push(yield* readyFor(policy, staff, sitting, made + i))
        const entries = [...ready.map((referral) => entryOf(referral, "Request")), ...deferred.map((referral) => entryOf(referral, "Request deferred"))]
        const room = Math.floor(DateTime.distance(sitting.startsAt, sitting.endsAt) / 60_000 / panel.slotMinutes.min) - entries.length
        const here = comeBacks
          .filter((back) => !DateTime.lessThan(sitting.endsAt, back.opens))
          .sort((a, b) => DateTime.distance(b.by, a.by))
          .slice(0, Math.max(0, room))
        const comingBack = new Map(here.map((back) => [back.referral.id, back]))
        comeBacks = comeBacks.filter((back) => !comingBack.has(back.referral.id))
        const held = yield* hold(
          policy,
          calendar,
          staff,
          sitting,
          [...entries, ...here.map((back) => entryOf(back.referral, `Review (${back.ruleId})`, "review"))],
          comingBack,
          made,
          until
        )
        deferred = held.deferred
        comeBacks.push(...held.comeBacks)
        made += count
      }
      yield* afterWeek(week)
    }
    return made
  })
