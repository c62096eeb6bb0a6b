import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
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

/** Pre-proceedings for child-p accepted onto 9 June, approved there and signed off; the request's id. */
export const approvedOnTheNinth = Effect.gen(function* () {
  const [referrals, sittings, agendas, decisions] = yield* Effect.all([Referrals, Sittings, Agendas, Decisions])
  const request = yield* requestOf(nso, "pre_proceedings", "child-p", true)
  const ninth = yield* sittingOn("2027-06-09")
  yield* referrals.acceptOntoSitting(staff.administrator, request.id, ninth.id)
  yield* agendas.build(staff.administrator, ninth.id)
  yield* sittings.publishAgenda(staff.administrator, ninth.id)
  yield* TestClock.setTime(ninth.startsAt.epochMillis)
  yield* sittings.recordAttendance(staff.administrator, ninth.id, { personId: chair.personId, name: chair.name, seat: "Chair", membership: "standing", status: "present" })
  yield* sittings.recordAttendance(staff.administrator, ninth.id, { personId: PersonId.make("hos-delia-marsh"), name: "Delia Marsh", seat: "Head of Service", membership: "standing", status: "present" })
  yield* sittings.confirmQuorum(chair, ninth.id, true, "Chair and a Head of Service present")
  yield* TestClock.setTime(ninth.endsAt.epochMillis)
  const content = exampleDecision(nso, "pre_proceedings", "approve", { actionsDue: "2027-06-30" as LocalDate, key: request.id })
  yield* signOffAll(yield* decisions.recordAtPanel(staff.administrator, request.id, ninth.id, content), chair, (role) => holderOf("north-somerset", role))
  return request.id
})
