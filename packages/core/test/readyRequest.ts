import { Effect, TestClock } from "effect"
import { Agendas } from "../src/agenda/Agendas.js"
import type { AuthorityPolicy } from "../src/policy/AuthorityPolicy.js"
import type { RequestType } from "../src/policy/RequestType.js"
import { Referrals } from "../src/referral/Referrals.js"
import type { Actor } from "../src/shared/actor.js"
import { Sittings } from "../src/sitting/Sittings.js"
import { staffOf } from "../src/testing/actors.js"
import { requestWithPapers } from "../src/testing/readyRequest.js"
import type { LocalDate } from "../src/calendar/LocalDate.js"
import { ChildId } from "../src/shared/ids.js"
import { london } from "./fixtures.js"

/** On the test clock at 09:00 on Tue 1 June 2027, the sittings of the authority's first panel for the rest of 2027. */
export const sittingsFromJune2027 = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
    return yield* (yield* Sittings).scheduleYear(staffOf(policy.authority.id).administrator, policy.panels[0].id, 2027)
  })

/** A request for `type` about child `childId` with its papers; submitted and approved (ready for a sitting) when `ready`. */
export const requestOf = (policy: AuthorityPolicy, type: RequestType, childId: string, ready: boolean) =>
  requestWithPapers(policy, type, { id: childId, name: "Rowan Example" }, { draft: !ready })

/** The authority's first panel's sittings from June 2027 (as `sittingsFromJune2027`), found by their date. */
export const sittingsByDate = (policy: AuthorityPolicy) =>
  Effect.map(sittingsFromJune2027(policy), (year) => (date: string) => year.find((sitting) => sitting.date === date)!)

/** A ready request for `type` about `childId`, accepted onto the sitting on `date`; with the sittings by date. */
export const acceptedOnto = (policy: AuthorityPolicy, type: RequestType, childId: string, date: string) =>
  Effect.gen(function* () {
    const on = yield* sittingsByDate(policy)
    const ready = yield* requestOf(policy, type, childId, true)
    yield* (yield* Referrals).acceptOntoSitting(staffOf(policy.authority.id).administrator, ready.id, on(date).id)
    return { request: ready.id, on }
  })

/**
 * A ready request accepted onto the sitting of Wed 9 Jun 2027, its agenda built and sent out; the sitting opens and
 * `chair` records that too few members are present (NSO-1): it decides nothing.
 */
export const onAThinSitting = (policy: AuthorityPolicy, type: RequestType, childId: string, chair: Actor) =>
  Effect.gen(function* () {
    const administrator = staffOf(policy.authority.id).administrator
    const accepted = yield* acceptedOnto(policy, type, childId, "2027-06-09")
    const ninth = accepted.on("2027-06-09")
    const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
    yield* agendas.build(administrator, ninth.id)
    yield* sittings.publishAgenda(administrator, ninth.id)
    yield* TestClock.setTime(ninth.startsAt.epochMillis)
    yield* sittings.confirmQuorum(chair, ninth.id, false, "Only the chair could come: the others were all in court")
    return accepted
  })

/**
 * `child`'s request for `type` with its papers, alone on the agenda of the first panel's sitting of Wed 9 Jun 2027 (the
 * request made on Tue 1 Jun); the test clock at the sitting's start, where `chair` has found enough members present.
 */
export const onTheAgendaOfTheNinth = (policy: AuthorityPolicy, type: RequestType, child: { readonly id: string; readonly name: string }, chair: Actor) =>
  Effect.gen(function* () {
    const administrator = staffOf(policy.authority.id).administrator
    const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
    yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
    const request = yield* requestWithPapers(policy, type, child)
    const sitting = yield* sittings.schedule(administrator, policy.panels[0].id, "2027-06-09" as LocalDate)
    yield* referrals.acceptOntoSitting(administrator, request.id, sitting.id)
    yield* sittings.buildAgenda(administrator, sitting.id, [{ referralId: request.id, childIds: [ChildId.make(child.id)], kind: "request", summary: type }])
    yield* TestClock.setTime(sitting.startsAt.epochMillis)
    yield* sittings.confirmQuorum(chair, sitting.id, true, "Chair and members present")
    return { request, sitting }
  })
