import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { PersonId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { requestOf } from "../readyRequest.js"

/** North Somerset, whose pre-proceedings come back for review at 8-10 weeks (NSO-9), and its staff. */
export const nso = preset("north-somerset")
export const staff = staffOf("north-somerset")
export const chair = staff.assistantDirector

/** The panel's sitting on `date` (the test has scheduled it). */
export const sittingOn = (date: string) =>
  Effect.map(Sittings, (sittings) => sittings.list(staff.administrator, { panelId: nso.panels[0].id })).pipe(
    Effect.flatten,
    Effect.map((all) => all.find((candidate) => candidate.date === date)!)
  )

/** Requests (a type about a child, each) accepted onto 9 June, approved there and signed off; their decisions, in order. */
export const approvedTogetherOnTheNinth = (requests: ReadonlyArray<{ readonly type: RequestType; readonly childId: string }>) => Effect.gen(function* () {
  const [referrals, sittings, agendas, decisions] = yield* Effect.all([Referrals, Sittings, Agendas, Decisions])
  const ninth = yield* sittingOn("2027-06-09")
  const accepted = []
  for (const { type, childId } of requests) {
    const request = yield* requestOf(nso, type, childId, true)
    yield* referrals.acceptOntoSitting(staff.administrator, request.id, ninth.id)
    accepted.push({ type, request })
  }
  yield* agendas.build(staff.administrator, ninth.id)
  yield* sittings.publishAgenda(staff.administrator, ninth.id)
  yield* TestClock.setTime(ninth.startsAt.epochMillis)
  yield* sittings.recordAttendance(staff.administrator, ninth.id, { personId: chair.personId, name: chair.name, seat: "Chair", membership: "standing", status: "present" })
  yield* sittings.recordAttendance(staff.administrator, ninth.id, { personId: PersonId.make("hos-delia-marsh"), name: "Delia Marsh", seat: "Head of Service", membership: "standing", status: "present" })
  yield* sittings.confirmQuorum(chair, ninth.id, true, "Chair and a Head of Service present")
  yield* TestClock.setTime(ninth.endsAt.epochMillis)
  return yield* Effect.forEach(accepted, ({ type, request }) =>
    Effect.gen(function* () {
      const content = exampleDecision(nso, type, "approve", { actionsDue: "2027-06-30" as LocalDate, key: request.id })
      return yield* signOffAll(yield* decisions.recordAtPanel(staff.administrator, request.id, ninth.id, content), chair, (role) => holderOf("north-somerset", role))
    })
  )
})

/** Pre-proceedings for child-p accepted onto 9 June, approved there and signed off; the request's id. */
export const approvedOnTheNinth = Effect.map(approvedTogetherOnTheNinth([{ type: "pre_proceedings", childId: "child-p" }]), ([decision]) => decision!.subject.referralId)

/** North Somerset's panel sits on `date`: its agenda built from what is proposed, the chair present and satisfied, `outcome` recorded for `request` and signed. */
export const heardOn = (date: string, request: string, outcome: "approve" | "defer") =>
  Effect.gen(function* () {
    const [sittings, agendas, decisions, referrals] = yield* Effect.all([Sittings, Agendas, Decisions, Referrals])
    const sitting = yield* sittingOn(date)
    yield* referrals.acceptOntoSitting(staff.administrator, request as never, sitting.id)
    yield* agendas.build(staff.administrator, sitting.id)
    yield* sittings.publishAgenda(staff.administrator, sitting.id)
    yield* TestClock.setTime(sitting.startsAt.epochMillis)
    yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name, seat: "Chair", membership: "standing", status: "present" })
    yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: PersonId.make("hos-delia-marsh"), name: "Delia Marsh", seat: "Head of Service", membership: "standing", status: "present" })
    yield* sittings.confirmQuorum(staff.assistantDirector, sitting.id, true, "Chair and a Head of Service present")
    yield* TestClock.setTime(sitting.endsAt.epochMillis)
    const content = exampleDecision(nso, "pre_proceedings", outcome, { actionsDue: "2027-06-30" as LocalDate, key: request })
    const recorded = yield* decisions.recordAtPanel(staff.administrator, request as never, sitting.id, content)
    return yield* signOffAll(recorded, staff.assistantDirector, (role) => holderOf("north-somerset", role))
  })
