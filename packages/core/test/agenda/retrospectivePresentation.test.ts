import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { sittingsByDate } from "../readyRequest.js"

// NSO-10: emergency decisions outside panel are agreed with the Head of Service and the Assistant Director, and a panel
// slot is booked retrospectively. Booking the slot is not the presentation: the item is presented when the sitting
// whose agenda holds it sits. NSO-1: the chair determines whether enough members are present to proceed; a sitting
// that does not proceed hears nothing, the retrospective presentation included.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/**
 * A child accommodated under s20 on the evening of Thu 10 Jun 2027, agreed outside panel by the Head of Service and
 * the Assistant Director; North Somerset's sittings from June 2027 scheduled. The clock reads its state and met time.
 */
const agreedOutsidePanel = (child: { readonly id: string; readonly name: string }, whyOutsidePanel: string) =>
  Effect.gen(function* () {
    const on = yield* sittingsByDate(nso)
       const [referrals, decisions, deadlines] = yield* Effect.all([Referrals, Decisions, Deadlines])
    const request = yield* referrals.createDraft(staff.socialWorker, exampleForm(nso.panels[0].id, "s20_accommodation", child))
    yield* TestClock.setTime(london("2027-06-10", "19:00").epochMillis)
    const recorded = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
      content: exampleDecision(nso, "s20_accommodation", "approve", { actionsDue: "2027-06-24" as LocalDate, key: request.id }),
      whyOutsidePanel,
      timescales: "Accommodated for six weeks, then back to panel",
      placedAt: london("2027-06-10", "18:00")
    })
    const agreed = yield* decisions.agreeOutsidePanel(staff.assistantDirector, recorded.id)
    const clock = Effect.map(deadlines.forAuthority(staff.administrator, { includeMet: true }), (all) => {
      const found = all.find((deadline) => deadline.id === `${agreed.id}:retrospective`)
      return [found?.state, found?.metAt]
    })
    return { on, request, agreed, clock }
  })

describe("NSO-10: an agreement outside panel booked onto the next sitting's agenda", () => {
  it.effect("NSO-10: is presented retrospectively when that sitting starts, not when its agenda is built and sent out", () =>
    Effect.gen(function* () {
      const { on, clock } = yield* agreedOutsidePanel({ id: "child-b", name: "Bryony Caddick" }, "The child's grandmother, her carer, was admitted to hospital overnight")
      const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
      // The administrator books the slot: 16 June's agenda holds the item and goes out to members.
      yield* TestClock.setTime(london("2027-06-11", "10:00").epochMillis)
      yield* agendas.build(staff.administrator, on("2027-06-16").id)
      yield* sittings.publishAgenda(staff.administrator, on("2027-06-16").id)
      expect(yield* clock).toEqual(["pending", undefined])
      yield* TestClock.setTime(london("2027-06-16", "09:00").epochMillis)
      expect(yield* clock).toEqual(["due_soon", undefined])
      // The sitting starts with the item on its agenda: presented.
      yield* TestClock.setTime(on("2027-06-16").startsAt.epochMillis)
      expect(yield* clock).toEqual(["met", on("2027-06-16").startsAt])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})

describe("NSO-10: an agreement outside panel on the agenda of a sitting that did not proceed", () => {
  it.effect("NSO-10, NSO-1: is still owed: its clock runs on and the next sitting is offered it", () =>
    Effect.gen(function* () {
      const { on, request, agreed, clock } = yield* agreedOutsidePanel({ id: "child-w", name: "Wren Halloway" }, "The child's mother was taken to hospital in the evening")
      expect(agreed.status).toBe("final")
      const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
      const offered = (date: string) =>
        Effect.map(agendas.propose(staff.administrator, on(date).id), (entries) => entries.filter((entry) => entry.kind === "retrospective").map((entry) => entry.referralId))
      expect(yield* offered("2027-06-16")).toEqual([request.id])
      // The retrospective item goes on 16 June's agenda; the sitting opens and the chair finds too few members to proceed.
      yield* agendas.build(staff.administrator, on("2027-06-16").id)
      yield* sittings.publishAgenda(staff.administrator, on("2027-06-16").id)
      yield* TestClock.setTime(on("2027-06-16").startsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.assistantDirector, on("2027-06-16").id, false, "Only the chair could come")
      yield* TestClock.setTime(london("2027-06-17", "09:00").epochMillis)
      expect((yield* clock)[0]).toBe("overdue")
      expect(yield* offered("2027-06-23")).toEqual([request.id])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
