import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Deliveries } from "../../src/deliveries/Deliveries.js"
import { staffOf } from "../../src/testing/actors.js"
import { deliveriesStore, delivery } from "./fixtures.js"

const staff = staffOf("north-somerset")
const elsewhere = staffOf("lincolnshire")
const refusedWords = "Only an integrator or panel administrator can see and replay deliveries from case systems."

const store = () =>
  deliveriesStore({
    "north-somerset": [
      delivery("msg_applied", "applied", "2027-06-09T09:00:00.000Z"),
      delivery("msg_dead", "dead", "2027-06-09T09:05:00.000Z", { code: "NotFound", message: "No request with reference form-77 was found." }),
      delivery("msg_refused", "refused", "2027-06-09T09:10:00.000Z", { code: "Invalid", message: "The request has no team manager." }),
      delivery("msg_parked", "parked", "2027-06-09T09:20:00.000Z", { waitingFor: "request form-88" })
    ],
    lincolnshire: [delivery("msg_lincs", "dead", "2027-06-09T09:30:00.000Z")]
  })

describe("deliveries from case systems, for operators", () => {
  it.effect("the authority's integrator and panel administrators list its deliveries, newest first, by outcome if asked", () =>
    Effect.gen(function* () {
      const s = yield* store()
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      const all = yield* deliveries.list(staff.administrator, { limit: 3 })
      expect(all.map((d) => d.deliveryId)).toEqual(["msg_parked", "msg_refused", "msg_dead"])
      const dead = yield* deliveries.list(staff.integrator, { outcome: "dead", limit: 50 })
      expect(dead).toEqual([delivery("msg_dead", "dead", "2027-06-09T09:05:00.000Z", { code: "NotFound", message: "No request with reference form-77 was found." })])
      expect((yield* deliveries.list(elsewhere.integrator, { limit: 50 })).map((d) => d.deliveryId)).toEqual(["msg_lincs"])
    }))

  it.effect("anyone else is refused, in words naming who may, and the store is never asked", () =>
    Effect.gen(function* () {
      const s = yield* store()
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      for (const actor of [staff.socialWorker, staff.chair, staff.auditor, staff.assistantDirector]) {
        const listing = yield* Effect.flip(deliveries.list(actor, { limit: 50 }))
        expect(listing).toMatchObject({ _tag: "NotPermitted", allowed: ["integrator", "panel_administrator"] })
        expect(listing.message).toBe(refusedWords)
        const replaying = yield* Effect.flip(deliveries.replay(actor, "msg_dead"))
        expect([replaying._tag, replaying.message]).toEqual(["NotPermitted", refusedWords])
      }
      expect(s.asked).toEqual([])
      expect((yield* s.stored("north-somerset")).find((d) => d.deliveryId === "msg_dead")?.outcome).toBe("dead")
    }))

  it.effect("a dead, refused or parked delivery replayed is parked again, waiting for nothing, stamped with when it was asked", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2027-06-09T10:15:00.000Z"))
      const s = yield* store()
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      for (const id of ["msg_dead", "msg_refused", "msg_parked"]) {
        const replayed = yield* deliveries.replay(staff.integrator, id)
        expect(replayed).toMatchObject({ deliveryId: id, outcome: "parked", updatedAt: "2027-06-09T10:15:00.000Z" })
        expect(replayed.waitingFor).toBeUndefined()
      }
      expect(s.asked).toEqual([
        "replay north-somerset msg_dead at 2027-06-09T10:15:00.000Z",
        "replay north-somerset msg_refused at 2027-06-09T10:15:00.000Z",
        "replay north-somerset msg_parked at 2027-06-09T10:15:00.000Z"
      ])
    }))

  it.effect("an applied delivery is not tried again: refused, saying which and what can be, and left applied", () =>
    Effect.gen(function* () {
      const s = yield* store()
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      const refused = yield* Effect.flip(deliveries.replay(staff.administrator, "msg_applied"))
      expect(refused).toMatchObject({ _tag: "NotReplayable", deliveryId: "msg_applied" })
      expect(refused.message).toBe("Delivery msg_applied was applied; only a refused, parked or dead delivery can be tried again.")
      expect((yield* s.stored("north-somerset")).find((d) => d.deliveryId === "msg_applied")?.outcome).toBe("applied")
    }))

  it.effect("a delivery erased after the receiver's retention period is not tried again: refused, saying when and what the case system can do, and left as it was", () =>
    Effect.gen(function* () {
      const s = yield* deliveriesStore({
        "north-somerset": [delivery("msg_erased", "dead", "2027-01-09T09:00:00.000Z", { code: "NotFound", erasedAt: "2027-04-10T03:00:00.000Z" })]
      })
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      const refused = yield* Effect.flip(deliveries.replay(staff.integrator, "msg_erased"))
      expect(refused).toMatchObject({ _tag: "NotReplayable", deliveryId: "msg_erased" })
      expect(refused.message).toBe(
        "Delivery msg_erased was dead and its body was erased on 2027-04-10, after the receiver's retention period, so it cannot be tried again: the case system can send the event again under a new webhook-id."
      )
      expect((yield* s.stored("north-somerset"))[0]).toMatchObject({ outcome: "dead", updatedAt: "2027-01-09T09:00:00.000Z" })
    }))

  it.effect("a delivery that is not there, or is another authority's, is not found, in the same words", () =>
    Effect.gen(function* () {
      const s = yield* store()
      const deliveries = yield* Effect.provide(Deliveries, s.layer)
      const missing = yield* Effect.flip(deliveries.replay(staff.administrator, "msg_nowhere"))
      expect([missing._tag, missing.message]).toEqual(["NotFound", "No delivery with id msg_nowhere was found."])
      const theirs = yield* Effect.flip(deliveries.replay(staff.administrator, "msg_lincs"))
      expect([theirs._tag, theirs.message]).toEqual(["NotFound", "No delivery with id msg_lincs was found."])
      expect((yield* s.stored("lincolnshire"))[0]?.outcome).toBe("dead")
    }))
})
