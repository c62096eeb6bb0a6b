import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar, englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { disagreementClocks } from "../../src/disagreement/disagreementClocks.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import type { DissentDetails } from "../../src/disagreement/DisagreementCommands.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Actor } from "../../src/shared/actor.js"
import { DecisionId, DisagreementId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

/** Two authorities on one in-memory store, so tenancy is tested against real rows of the other. */
const core = Disagreements.Default.pipe(
  Layer.provideMerge(
    Layer.mergeAll(
      InMemoryStoreLayer,
      SequentialIds,
      staticPolicies(preset("support-panels"), preset("lincolnshire")),
      EnglandAndWalesCalendar
    )
  )
)

const sup = staffOf("support-panels")
const lin = staffOf("lincolnshire")
const party = (actor: Actor) => ({ personId: actor.personId, name: actor.name })
const dissent = (member = sup.member): DissentDetails => ({
  decisionId: DecisionId.make("dec_1"),
  referralId: ReferralId.make("ref_1"),
  sittingId: SittingId.make("sit_1"),
  member: party(member),
  dissentsFrom: { _tag: "Decision" },
  grounds: "Residential care is not the least intrusive option"
})
const setTime = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)

describe("Disagreements use cases", () => {
  it.effect("SUP-8: dissent, areas, the member's manager, the Assistant Director, outcome; the clock is met", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      yield* setTime("2027-06-08", "11:00")
      const recorded = yield* disagreements.recordDissent(sup.member, dissent())
      expect(recorded).toMatchObject({ id: "dis_1", status: "dissent_recorded", route: "member_manager_then_assistant_director" })
      yield* disagreements.noteAreas(sup.chair, recorded.id, ["Placement type", "Cost against benefit"])
      yield* setTime("2027-06-09", "09:00")
      yield* disagreements.escalate(sup.member, recorded.id, "member_manager", party(sup.teamManager))
      yield* disagreements.escalate(sup.teamManager, recorded.id, "assistant_director", party(sup.assistantDirector))
      yield* setTime("2027-06-15", "16:00")
      const decided = yield* disagreements.recordOutcome(sup.assistantDirector, recorded.id, {
        outcome: "varied",
        rationale: "Residential for 6 weeks only, with a fostering search alongside"
      })
      expect(decided).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "varied", by: { name: "Ruth Fairholme" } } })

      const read = yield* disagreements.get(sup.auditor, recorded.id)
      expect(read.escalations.map((step) => step.to.name)).toEqual(["Tom Brackley", "Ruth Fairholme"])
      const [deadline] = disagreementClocks(read, preset("support-panels")).map((spec) =>
        toDeadline(spec, englandAndWales, { now: london("2027-06-30", "09:00"), dueSoonHours: 48 })
      )
      expect(deadline).toMatchObject({ ruleId: "SUP-8", state: "met" })

      expect((yield* disagreements.list(sup.administrator, { decisionId: DecisionId.make("dec_1") })).map((d) => d.id)).toEqual(["dis_1"])
      expect(yield* disagreements.list(sup.administrator, { status: "withdrawn" })).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-13: the chair takes it to the Assistant Director and records the outcome agreed with them", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      yield* setTime("2027-06-09", "11:00")
      const { id } = yield* disagreements.recordDissent(lin.chair, dissent(lin.member))
      yield* disagreements.noteAreas(lin.administrator, id, ["Whether to start pre-proceedings now"])
      const refused = yield* Effect.flip(disagreements.escalate(lin.member, id, "member_manager", party(lin.teamManager)))
      expect(refused).toMatchObject({ _tag: "EscalationOutOfOrder", ruleId: "LIN-13" })
      yield* disagreements.escalate(lin.chair, id, "assistant_director", party(lin.assistantDirector))
      const decided = yield* disagreements.recordOutcome(lin.chair, id, {
        outcome: "upheld",
        rationale: "Threshold not yet met; review in 4 weeks",
        agreedWith: party(lin.assistantDirector)
      })
      expect(decided).toMatchObject({ ruleId: "LIN-13", outcome: { agreedWith: { name: "Ruth Fairholme" } } })
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's staff get NotFound, reading or acting, exactly as for a missing disagreement", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      yield* setTime("2027-06-09", "11:00")
      const { id } = yield* disagreements.recordDissent(sup.member, dissent())
      yield* disagreements.noteAreas(sup.chair, id, ["Placement type"])

      const read = yield* Effect.flip(disagreements.get(lin.auditor, id))
      expect(read).toMatchObject({ _tag: "NotFound", message: "No disagreement with id dis_1 was found." })
      const escalate = yield* Effect.flip(disagreements.escalate(lin.chair, id, "assistant_director", party(lin.assistantDirector)))
      expect(escalate).toMatchObject({ _tag: "NotFound", id: "dis_1" })
      const withdraw = yield* Effect.flip(disagreements.withdraw(lin.member, id, "Not mine to withdraw"))
      expect(withdraw._tag).toBe("NotFound")
      expect(yield* disagreements.list(lin.auditor)).toEqual([])
      const missing = yield* Effect.flip(disagreements.get(sup.auditor, DisagreementId.make("dis_9")))
      expect(missing).toMatchObject({ _tag: "NotFound", message: "No disagreement with id dis_9 was found." })

      // And the disagreement is untouched in its own authority.
      expect((yield* disagreements.get(sup.auditor, id)).status).toBe("areas_noted")
    }).pipe(Effect.provide(core))
  )

  it.effect("checks roles before deciding: a social worker neither records nor reads dissent", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const refused = yield* Effect.flip(disagreements.recordDissent(sup.socialWorker, dissent(sup.socialWorker)))
      expect(refused).toMatchObject({ _tag: "NotPermitted", action: "record a formal dissent from a panel decision" })
      const { id } = yield* disagreements.recordDissent(sup.member, dissent())
      expect((yield* Effect.flip(disagreements.get(sup.socialWorker, id)))._tag).toBe("NotPermitted")
      const notes = yield* Effect.flip(disagreements.noteAreas(sup.member, id, ["Placement type"]))
      expect(notes).toMatchObject({ _tag: "NotPermitted", message: "Only a panel chair, vice chair or panel administrator can note the areas of disagreement." })
    }).pipe(Effect.provide(core))
  )
})
