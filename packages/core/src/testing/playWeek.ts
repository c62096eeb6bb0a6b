import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../calendar/englandAndWales.js"
import { addDays, type LocalDate } from "../calendar/LocalDate.js"
import { atLondon } from "../calendar/londonTime.js"
import type { TimeOfDay } from "../calendar/londonTime.js"
import { Agendas } from "../agenda/Agendas.js"
import { Reports } from "../reports/Reports.js"
import { Deadlines } from "../deadlines/Deadlines.js"
import { Decisions } from "../decision/Decisions.js"
import { Disagreements } from "../disagreement/Disagreements.js"
import { Placements } from "../regulation24/Placements.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { EventStore } from "../ports/EventStore.js"
import type { Outbox } from "../ports/Outbox.js"
import type { ReadModels } from "../ports/ReadModels.js"
import { Referrals } from "../referral/Referrals.js"
import { PersonId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"
import { Sittings } from "../sitting/Sittings.js"
import { staffOf } from "./actors.js"
import { exampleDecision } from "./exampleDecision.js"
import { exampleForm } from "./exampleForm.js"
import { InMemoryStoreLayer } from "./InMemoryStore.js"
import { SequentialIds } from "./SequentialIds.js"
import { requestWithPapers } from "./readyRequest.js"
import { signOffAll } from "./signOffAll.js"
import { staticPolicies } from "./StaticPolicies.js"
import { ChildRecords } from "../childRecord/ChildRecords.js"
import { ClockReminders } from "../notifications/ClockReminders.js"

/** The core's use cases over in-memory ports (or the store given), for one authority's policy. */
export const inMemoryCore = (policy: AuthorityPolicy, store: Layer.Layer<EventStore | ReadModels | Outbox> = InMemoryStoreLayer) =>
  Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Placements.Default, ChildRecords.Default, Deadlines.Default, ClockReminders.Default, Agendas.Default, Reports.Default).pipe(
    Layer.provideMerge(Sittings.Default),
    Layer.provideMerge(Layer.mergeAll(store, SequentialIds, staticPolicies(policy), EnglandAndWalesCalendar))
  )

const setLondonTime = (date: string, time: string) =>
  TestClock.setTime(atLondon(date as LocalDate, time as TimeOfDay).epochMillis)

/**
 * A week of an authority's panel, played through the use cases on a test clock from Tuesday 1 June 2027:
 * two requests made in time, one made late and let on by the chair, one left in draft; the sitting's
 * agenda, attendance, decisions (approve, defer, approve) and record, each child's record uploaded (unless
 * `uploads: false`, to upload them with their decision sheets). Returns what a panel administrator
 * would look at along the way.
 */
export const playWeek = (policy: AuthorityPolicy, options: { readonly uploads?: boolean } = {}) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const referrals = yield* Referrals
    const sittings = yield* Sittings
    const deadlines = yield* Deadlines
    const decisions = yield* Decisions
    const panel = policy.panels[0]
    const requestType = policy.referral.inScope.requestTypes[0]!
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!

    yield* setLondonTime("2027-06-01", "09:00")
    const year = yield* sittings.scheduleYear(staff.administrator, panel.id, 2027)
    const sitting = year.find((candidate) => candidate.date >= "2027-06-14")!

    const request = (child: { id: string; name: string }) => requestWithPapers(policy, requestType, child)

    const onTime = [yield* request({ id: "child-a", name: "Alex Brook" }), yield* request({ id: "child-b", name: "Jamie Fenn" })]
    const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(panel.id, requestType, { id: "child-d", name: "Kai Mercer" }))
    for (const referral of onTime) yield* referrals.acceptOntoSitting(staff.administrator, referral.id, sitting.id)

    // A request made after the deadline: refused until the chair lets it on.
    yield* TestClock.setTime(sitting.startsAt.epochMillis - 20 * 3_600_000)
    const late = yield* request({ id: "child-c", name: "Sky Holloway" })
    const refusedLate = yield* Effect.flip(referrals.acceptOntoSitting(staff.administrator, late.id, sitting.id))
    yield* referrals.grantLatePermission(staff.chair, late.id, sitting.id, "Placement at risk of breaking down this week")
    yield* referrals.acceptOntoSitting(staff.administrator, late.id, sitting.id)

    const agenda = yield* sittings.buildAgenda(
      staff.administrator,
      sitting.id,
      [...onTime, late].map((referral) => ({
        referralId: referral.id,
        childIds: referral.form.children.map((child) => child.childId),
        kind: "request" as const,
        summary: `Request for ${referral.form.request ?? "support"}`
      }))
    )
    yield* sittings.publishAgenda(staff.administrator, sitting.id)
    const deadlinesBeforeSitting = yield* deadlines.forAuthority(staff.administrator, { includeMet: true })

    yield* TestClock.setTime(sitting.startsAt.epochMillis)
    yield* sittings.recordAttendance(staff.administrator, sitting.id, {
      personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present"
    })
    yield* sittings.recordAttendance(staff.administrator, sitting.id, {
      personId: PersonId.make("lee-marston"), name: "Lee Marston", seat: panel.members[0]?.seat ?? "Member", membership: "standing", status: "apologies"
    })
    yield* sittings.confirmQuorum(staff.chair, sitting.id, true, "Chair and members present; one apology")

    // The panel decides: the first request approved, the second deferred, the late one approved.
    yield* TestClock.setTime(sitting.endsAt.epochMillis)
    const actionsDue = addDays(sitting.date, 14)
    const outcomes = [
      [onTime[0]!, "approve"],
      [onTime[1]!, "defer"],
      [late, "approve"]
    ] as const
    const decided = []
    for (const [referral, outcome] of outcomes) {
      const content = exampleDecision(policy, requestType, outcome, { actionsDue, key: referral.id })
      const recorded = yield* decisions.recordAtPanel(staff.administrator, referral.id, sitting.id, content)
      const decision = yield* signOffAll(recorded, staff.chair, holderOf)
      decided.push(decision)
    }

    yield* TestClock.setTime(sitting.endsAt.epochMillis + 3_600_000)
    yield* sittings.sendDraftRecordToChair(staff.administrator, sitting.id)
    const deadlinesAfterSitting = yield* deadlines.forAuthority(staff.administrator)
    yield* TestClock.adjust("20 hours")
    yield* sittings.returnFinalRecord(staff.chair, sitting.id)
    if (options.uploads !== false) {
      for (const item of agenda.agenda) {
        for (const childId of item.childIds) yield* sittings.recordChildUploaded(staff.administrator, sitting.id, childId, item.referralId)
      }
    }
    const finished = yield* sittings.get(staff.administrator, sitting.id)
    const openAtEnd = yield* deadlines.forAuthority(staff.administrator)
    const deferred = yield* referrals.get(staff.administrator, onTime[1]!.id)
    return { sitting: finished, draft, refusedLate, decisions: decided, deferred, deadlinesBeforeSitting, deadlinesAfterSitting, openAtEnd }
  })
