import { describe, expect, it } from "@effect/vitest"
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
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

// North Somerset's panel sits every Wednesday (NSO-1). A week with no business has a sitting nobody builds an agenda
// for; it goes by without being cancelled. What was owed to it must still be offered to the next sitting that can
// take it, or the administrator is offered it nowhere.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/** The panel sits on `date`: its agenda built from what is proposed, the chair present and satisfied, `outcome` recorded for `request` and signed. */
const heardOn = (date: string, request: string, outcome: "approve" | "defer") =>
  Effect.gen(function* () {
    const [sittings, agendas, decisions, referrals] = yield* Effect.all([Sittings, Agendas, Decisions, Referrals])
    const sitting = (yield* sittings.list(staff.administrator, { panelId: nso.panels[0].id })).find((candidate) => candidate.date === date)!
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

const offeredOn = (date: string) =>
  Effect.gen(function* () {
    const [sittings, agendas] = yield* Effect.all([Sittings, Agendas])
    const sitting = (yield* sittings.list(staff.administrator, { panelId: nso.panels[0].id })).find((candidate) => candidate.date === date)!
    return (yield* agendas.propose(staff.administrator, sitting.id)).map((entry) => [entry.kind, entry.referralId, entry.summary])
  })

describe("a request owed to a sitting that went by with no agenda", () => {
  it.effect("deferred on 9 June, it passes the quiet sitting of 16 June and is offered to 23 June, the first that can still take it", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const request = yield* requestOf(nso, "pre_proceedings", "child-q", true)
      yield* heardOn("2027-06-09", request.id, "defer")
      // Nothing else came in: the sitting of 16 June had no agenda and went by. The administrator builds 23 June's.
      yield* TestClock.setTime(london("2027-06-17", "09:00").epochMillis)
      expect(yield* offeredOn("2027-06-23")).toEqual([["request", request.id, "Request deferred from the sitting on Wed 9 Jun 2027: starting pre-proceedings"]])
      expect(yield* offeredOn("2027-06-30")).toEqual([])
      // Before 16 June had started, it was offered there, and only there.
      yield* TestClock.setTime(london("2027-06-14", "09:00").epochMillis)
      expect((yield* offeredOn("2027-06-16")).map(([kind]) => kind)).toEqual(["request"])
      expect(yield* offeredOn("2027-06-23")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("taken off the cancelled sitting of 9 June, it passes the quiet sitting of 16 June and is offered to 23 June", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
      const request = yield* requestOf(nso, "edge_of_care_resource", "child-r", true)
      const ninth = (yield* sittings.list(staff.administrator, { panelId: nso.panels[0].id })).find((candidate) => candidate.date === "2027-06-09")!
      yield* referrals.acceptOntoSitting(staff.administrator, request.id, ninth.id)
      yield* sittings.cancel(staff.assistantDirector, ninth.id, "The chair is unwell")
      yield* TestClock.setTime(london("2027-06-17", "09:00").epochMillis)
      expect(yield* offeredOn("2027-06-23")).toEqual([["request", request.id, "Request from the cancelled sitting on Wed 9 Jun 2027: an edge-of-care resource"]])
      expect(yield* offeredOn("2027-06-30")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
