import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { acceptedOnto, onAThinSitting } from "../readyRequest.js"

// NSO-1: the chair decides whether enough members are present. A sitting the chair finds too thin decides nothing,
// and the refusal to record a decision there says to put the request on another sitting: the administrator must be
// able to, and the agenda should offer the request where the administrator looks next.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")
const chair = staff.assistantDirector

/** A ready request accepted onto 9 June; the sitting opens and the chair finds too few members present. */
const onAnInquorateSitting = onAThinSitting(nso, "edge_of_care_resource", "child-t", chair)

describe("the requests of a sitting the chair found too few members for", () => {
  it.effect("NSO-1: decide nothing there, and the administrator puts them on the next sitting, as the refusal says", () =>
    Effect.gen(function* () {
      const { request, on } = yield* onAnInquorateSitting
      const [referrals, decisions] = yield* Effect.all([Referrals, Decisions])
      const content = exampleDecision(nso, "edge_of_care_resource", "defer", { actionsDue: "2027-06-23" as LocalDate, key: request })
      const refused = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, request, on("2027-06-09").id, content))
      expect(refused.message).toContain("recorded that too few members were present on Wed 9 Jun 2027")
      expect(refused.message).toContain("the sitting decides nothing. Put the request on another sitting.")
      const moved = yield* referrals.acceptOntoSitting(staff.administrator, request, on("2027-06-16").id)
      expect(moved).toMatchObject({ status: "accepted", sittingId: on("2027-06-16").id })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-1: are offered to the next sitting that can take them until the administrator moves them", () =>
    Effect.gen(function* () {
      const { request, on } = yield* onAnInquorateSitting
      const [referrals, agendas] = yield* Effect.all([Referrals, Agendas])
      const offered = (date: string) => Effect.map(agendas.propose(staff.administrator, on(date).id), (entries) => entries.map((entry) => [entry.kind, entry.referralId, entry.summary]))
      expect(yield* offered("2027-06-16")).toEqual([["request", request, "Request from the sitting on Wed 9 Jun 2027, where too few members were present: an edge-of-care resource"]])
      expect(yield* offered("2027-06-23")).toEqual([])
      yield* referrals.acceptOntoSitting(staff.administrator, request, on("2027-06-23").id)
      expect(yield* offered("2027-06-16")).toEqual([])
      expect((yield* offered("2027-06-23")).map(([kind, id, summary]) => [kind, id, (summary as string).startsWith("Request: ")])).toEqual([["request", request, true]])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-1: a request on a sitting that was quorate, or not yet opened, cannot be put on another one", () =>
    Effect.gen(function* () {
      const [referrals, sittings, agendas] = yield* Effect.all([Referrals, Sittings, Agendas])
      const { request, on } = yield* acceptedOnto(nso, "edge_of_care_resource", "child-u", "2027-06-09")
      const notYet = yield* Effect.flip(referrals.acceptOntoSitting(staff.administrator, request, on("2027-06-16").id))
      expect(notYet.message).toBe("You cannot put this request on a sitting: this request is already on a sitting's agenda.")
      yield* agendas.build(staff.administrator, on("2027-06-09").id)
      yield* TestClock.setTime(on("2027-06-09").startsAt.epochMillis)
      yield* sittings.confirmQuorum(chair, on("2027-06-09").id, true, "Chair and two Heads of Service present")
      const quorate = yield* Effect.flip(referrals.acceptOntoSitting(staff.administrator, request, on("2027-06-16").id))
      expect(quorate.message).toBe("You cannot put this request on a sitting: this request is already on a sitting's agenda.")
      expect((yield* agendas.propose(staff.administrator, on("2027-06-16").id)).map((entry) => entry.referralId)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
