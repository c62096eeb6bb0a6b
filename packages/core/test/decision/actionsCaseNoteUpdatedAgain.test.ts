import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// LIN-6: within 1 month of the sitting the team manager adds a "Support Panel Actions" case note updating every
// action. Team managers add another note when the outstanding actions move on: that later note must not turn a case
// note made in time into one "met late".

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

describe("the LIN-6 actions case note, updated again after the month", () => {
  it.effect("LIN-6: the clock stays met at the first case note, in time, when the team manager adds a later update", () =>
    run(
      Effect.gen(function* () {
        const decisions = yield* Decisions
        const deadlines = yield* Deadlines
        const decision = (yield* playWeek(policy)).decisions[0]!
        const [fgc, plan] = decision.content.actions

        // A week after the sitting: the referral is made, the plan waits for the parenting assessment.
        yield* TestClock.setTime(london("2027-06-23", "10:00").epochMillis)
        yield* decisions.completeAction(staff.socialWorker, decision.id, fgc!.actionId, "FGC referral sent on 22 June")
        yield* decisions.markActionOutstanding(staff.teamManager, decision.id, plan!.actionId, "Waiting for the parenting assessment")
        yield* decisions.recordActionsCaseNote(staff.teamManager, decision.id, "Support Panel Actions: FGC referred; plan waits for the assessment")

        // Two months on, the plan is updated and the team manager adds a note saying so.
        yield* TestClock.setTime(london("2027-08-25", "10:00").epochMillis)
        yield* decisions.completeAction(staff.teamManager, decision.id, plan!.actionId, "Plan updated on 24 August")
        yield* decisions.recordActionsCaseNote(staff.teamManager, decision.id, "Support Panel Actions: every action now completed")

        const clock = (yield* deadlines.forAuthority(staff.administrator, { includeMet: true })).find((deadline) => deadline.id === `${decision.id}:actions-case-note`)!
        expect({ state: clock.state, metAt: clock.metAt, metLate: clock.metLate }).toEqual({ state: "met", metAt: london("2027-06-23", "10:00"), metLate: false })
        expect(clock.explanation).not.toContain("met late")
      })
    )
  )
})
