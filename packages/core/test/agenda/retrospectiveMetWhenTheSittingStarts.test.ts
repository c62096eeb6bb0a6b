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
import { sittingsFromJune2027 } from "../readyRequest.js"

// NSO-10: emergency decisions outside panel are agreed with the Head of Service and the Assistant Director, and a panel
// slot is booked retrospectively. Booking the slot is not the presentation: the item is presented when the sitting
// whose agenda holds it sits.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("NSO-10: an agreement outside panel booked onto the next sitting's agenda", () => {
  it.effect("NSO-10: is presented retrospectively when that sitting starts, not when its agenda is built and sent out", () =>
    Effect.gen(function* () {
      const year = yield* sittingsFromJune2027(nso)
      const on = (date: string) => year.find((sitting) => sitting.date === date)!
      const [referrals, decisions, agendas, sittings, deadlines] = yield* Effect.all([Referrals, Decisions, Agendas, Sittings, Deadlines])
      const request = yield* referrals.createDraft(staff.socialWorker, exampleForm(nso.panels[0].id, "s20_accommodation", { id: "child-b", name: "Bryony Caddick" }))
      yield* TestClock.setTime(london("2027-06-10", "19:00").epochMillis)
      const recorded = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
        content: exampleDecision(nso, "s20_accommodation", "approve", { actionsDue: "2027-06-24" as LocalDate, key: request.id }),
        whyOutsidePanel: "The child's grandmother, her carer, was admitted to hospital overnight",
        timescales: "Accommodated for six weeks, then back to panel",
        placedAt: london("2027-06-10", "18:00")
      })
      const agreed = yield* decisions.agreeOutsidePanel(staff.assistantDirector, recorded.id)
      const clock = Effect.map(deadlines.forAuthority(staff.administrator, { includeMet: true }), (all) => {
        const found = all.find((deadline) => deadline.id === `${agreed.id}:retrospective`)
        return [found?.state, found?.metAt]
      })
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
