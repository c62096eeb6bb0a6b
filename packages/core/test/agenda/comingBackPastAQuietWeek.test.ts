import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { heardOn, nso, staff } from "./preProceedingsAtNorthSomerset.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

// North Somerset's panel sits every Wednesday (NSO-1). A week with no business has a sitting nobody builds an agenda
// for; it goes by without being cancelled. What was owed to it must still be offered to the next sitting that can
// take it, or the administrator is offered it nowhere.


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
