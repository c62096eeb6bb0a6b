import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { acceptedOnto, requestOf } from "../readyRequest.js"

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/** North Somerset's sittings of 2027 from 1 June, and a ready request accepted onto the one of 9 June. */
const acceptedOntoTheNinth = acceptedOnto(nso, "edge_of_care_resource", "child-c", "2027-06-09")

describe("the requests of a cancelled sitting", () => {
  it.effect("go back in line and are offered to the next sitting, where the administrator can put them", () =>
    Effect.gen(function* () {
      const { request, on } = yield* acceptedOntoTheNinth
      const [referrals, sittings, agendas] = yield* Effect.all([Referrals, Sittings, Agendas])
      yield* sittings.cancel(staff.chair, on("2027-06-09").id, "The chair is unwell")
      const back = yield* referrals.get(staff.administrator, request)
      expect(back.status).toBe("ready")
      expect(back.sittingId).toBeUndefined()
      expect(back.cancelledSitting).toEqual({ sittingId: on("2027-06-09").id, date: "2027-06-09" })
      expect(yield* agendas.propose(staff.administrator, on("2027-06-16").id)).toEqual([
        expect.objectContaining({ referralId: request, kind: "request", summary: "Request from the cancelled sitting on Wed 9 Jun 2027: an edge-of-care resource" })
      ])
      const moved = yield* referrals.acceptOntoSitting(staff.administrator, request, on("2027-06-16").id)
      expect(moved).toMatchObject({ status: "accepted", sittingId: on("2027-06-16").id })
      expect(moved.cancelledSitting).toBeUndefined()
      expect(yield* agendas.propose(staff.administrator, on("2027-06-23").id)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("when the next sitting's agenda has gone out, it is offered to the one after", () =>
    Effect.gen(function* () {
      const { request, on } = yield* acceptedOntoTheNinth
      const [referrals, sittings, agendas] = yield* Effect.all([Referrals, Sittings, Agendas])
      const other = yield* requestOf(nso, "edge_of_care_resource", "child-d", true)
      yield* referrals.acceptOntoSitting(staff.administrator, other.id, on("2027-06-16").id)
      yield* agendas.build(staff.administrator, on("2027-06-16").id)
      yield* sittings.publishAgenda(staff.administrator, on("2027-06-16").id)
      yield* sittings.cancel(staff.administrator, on("2027-06-09").id, "Room flooded")
      expect((yield* agendas.propose(staff.administrator, on("2027-06-23").id)).map((entry) => entry.referralId)).toEqual([request])
      expect((yield* agendas.propose(staff.administrator, on("2027-06-30").id)).map((entry) => entry.referralId)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("a request withdrawn before the sitting was cancelled stays withdrawn; only a request on that sitting can be taken off it", () =>
    Effect.gen(function* () {
      const { request, on } = yield* acceptedOntoTheNinth
      const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
      yield* referrals.withdraw(staff.socialWorker, request, "The family moved out of the area")
      yield* sittings.cancel(staff.administrator, on("2027-06-09").id, "Too few requests")
      expect((yield* referrals.get(staff.administrator, request)).status).toBe("withdrawn")
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
