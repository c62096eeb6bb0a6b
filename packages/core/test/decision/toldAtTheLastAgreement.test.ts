import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")
const actionsDue = "2027-07-30" as LocalDate

describe("an agreement outside panel on a request already decided at panel", () => {
  it.effect("LIN-11, LIN-5: the panel's decision is told of it at the Assistant Director's agreement, not at its recording, and as heard then", () =>
    Effect.gen(function* () {
      const [referrals, sittings, decisions] = yield* Effect.all([Referrals, Sittings, Decisions])
      const sitting = (yield* sittingsFromJune2027(lin)).find((candidate) => candidate.date >= "2027-06-09")!
      // Accommodation approved at panel for a period (LIN-5): the request must come back before it ends.
      const request = yield* requestOf(lin, "s20_accommodation", "child-t", true)
      yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
      yield* sittings.buildAgenda(staff.administrator, sitting.id, [{ referralId: request.id, childIds: request.form.children.map((child) => child.childId), kind: "request", summary: "Request" }])
      yield* sittings.publishAgenda(staff.administrator, sitting.id)
      yield* TestClock.setTime(sitting.startsAt.epochMillis)
      yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present" })
      yield* sittings.confirmQuorum(staff.chair, sitting.id, true, "Enough members present")
      const atPanel = yield* decisions.recordAtPanel(staff.chair, request.id, sitting.id, exampleDecision(lin, "s20_accommodation", "approve", { actionsDue, key: "panel" }))
      // A week on, the team manager records more accommodation outside panel; the Assistant Director agrees two hours later.
      yield* TestClock.adjust("7 days")
      const outside = yield* decisions.recordOutsidePanel(staff.teamManager, request.id, {
        content: exampleDecision(lin, "s20_accommodation", "approve", { actionsDue, key: "outside" }),
        whyOutsidePanel: "The placement broke down overnight",
        timescales: "Agreed until the next sitting",
        placedAt: DateTime.unsafeMake((yield* TestClock.currentTimeMillis) - 3_600_000)
      })
      expect(outside.status).toBe("awaiting_agreement")
      expect((yield* decisions.get(staff.administrator, atPanel.id)).laterHearings).toEqual([])
      yield* TestClock.adjust("2 hours")
      const agreedAt = DateTime.unsafeMake(yield* TestClock.currentTimeMillis)
      yield* decisions.agreeOutsidePanel(staff.assistantDirector, outside.id)
      expect((yield* decisions.get(staff.administrator, atPanel.id)).laterHearings).toMatchObject([{ decisionId: outside.id, heardAt: agreedAt, atPanel: false }])
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
