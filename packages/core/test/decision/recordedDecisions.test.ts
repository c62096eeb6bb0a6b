import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { recordedDecisionOf } from "../../src/decision/recordedDecisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const sup = staffOf("support-panels")

describe("the change feed's recorded decisions (what the GraphQL decisionRecorded subscription hears)", () => {
  it.effect("each decision is heard once, when it is recorded at panel or agreed outside it; nothing else is", () =>
    Effect.gen(function* () {
      // Given a week of Support Panels (three decisions at its sitting, each signed off; the sitting, requests and
      // records around them) and the Head of Service's urgent agreement outside panel for Morgan Vale (SUP-7)
      const week = yield* playWeek(preset("support-panels"))
      const urgent = yield* (yield* Referrals).createDraft(
        sup.socialWorker,
        exampleForm(week.sitting.panelId, "care_proceedings", { id: "child-u", name: "Morgan Vale" })
      )
      const outside = yield* (yield* Decisions).recordOutsidePanel(sup.headOfService, urgent.id, {
        content: exampleDecision(preset("support-panels"), "care_proceedings", "approve", {
          actionsDue: addDays(week.sitting.date, 21),
          key: urgent.id
        }),
        whyOutsidePanel: "The child could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      })

      // When every event the store committed is read through the feed's filter
      const events = yield* (yield* EventStore).readAll({ after: 0, limit: 10_000 })
      const heard = events.flatMap((event) => recordedDecisionOf(event) ?? [])

      // Then each decision is heard exactly once, in the order recorded: not at its sign-off, nor for any other record
      expect(heard).toEqual([...week.decisions.map((decision) => decision.id), outside.id])
      // (the decisions' streams hold more than these: sign-offs and the rest)
      expect(events.filter((event) => event.stream.streamType === "decision").length).toBeGreaterThan(heard.length)
    }).pipe(Effect.provide(inMemoryCore(preset("support-panels"))))
  )
})
