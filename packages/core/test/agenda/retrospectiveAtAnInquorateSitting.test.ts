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
// slot is booked retrospectively. NSO-1: the chair determines whether enough members are present to proceed; a sitting
// that does not proceed hears nothing, the retrospective presentation included.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("NSO-10: an agreement outside panel on the agenda of a sitting that did not proceed", () => {
  it.effect("NSO-10, NSO-1: is still owed: its clock runs on and the next sitting is offered it", () =>
    Effect.gen(function* () {
      const year = yield* sittingsFromJune2027(nso)
      const on = (date: string) => year.find((sitting) => sitting.date === date)!
      const [referrals, decisions, agendas, sittings, deadlines] = yield* Effect.all([Referrals, Decisions, Agendas, Sittings, Deadlines])
      const request = yield* referrals.createDraft(staff.socialWorker, exampleForm(nso.panels[0].id, "s20_accommodation", { id: "child-w", name: "Wren Halloway" }))
      yield* TestClock.setTime(london("2027-06-10", "19:00").epochMillis)
      const recorded = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
        content: exampleDecision(nso, "s20_accommodation", "approve", { actionsDue: "2027-06-24" as LocalDate, key: request.id }),
        whyOutsidePanel: "The child's mother was taken to hospital in the evening",
        timescales: "Accommodated for six weeks, then back to panel",
        placedAt: london("2027-06-10", "18:00")
      })
      const agreed = yield* decisions.agreeOutsidePanel(staff.assistantDirector, recorded.id)
      expect(agreed.status).toBe("final")
      const offered = (date: string) => Effect.map(agendas.propose(staff.administrator, on(date).id), (entries) => entries.filter((entry) => entry.kind === "retrospective").map((entry) => entry.referralId))
      expect(yield* offered("2027-06-16")).toEqual([request.id])
      // The retrospective item goes on 16 June's agenda; the sitting opens and the chair finds too few members to proceed.
      yield* agendas.build(staff.administrator, on("2027-06-16").id)
      yield* sittings.publishAgenda(staff.administrator, on("2027-06-16").id)
      yield* TestClock.setTime(on("2027-06-16").startsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.assistantDirector, on("2027-06-16").id, false, "Only the chair could come")
      yield* TestClock.setTime(london("2027-06-17", "09:00").epochMillis)
      const clock = (yield* deadlines.forAuthority(staff.administrator, { includeMet: true })).find((deadline) => deadline.id === `${agreed.id}:retrospective`)
      expect(clock?.state).toBe("overdue")
      expect(yield* offered("2027-06-23")).toEqual([request.id])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
