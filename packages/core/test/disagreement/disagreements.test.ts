import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { disagreementClocks } from "../../src/disagreement/disagreementClocks.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import type { DissentDetails } from "../../src/disagreement/DisagreementCommands.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Actor } from "../../src/shared/actor.js"
import { DecisionId, DisagreementId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { lin, party, sup, twoAuthoritiesCore } from "./twoAuthorities.js"

const core = twoAuthoritiesCore
const dissent = (decisionId: DecisionId, member = sup.member): DissentDetails => ({
  decisionId,
  member: party(member),
  dissentsFrom: { _tag: "Decision" },
  grounds: "Residential care is not the least intrusive option"
})

/** A week of the authority's panel, with `member` recorded present at its sitting; its first decision. */
const heardWith = (slug: "support-panels" | "lincolnshire", member: Actor) =>
  Effect.gen(function* () {
    const week = yield* playWeek(preset(slug))
    yield* (yield* Sittings).recordAttendance(staffOf(slug).administrator, week.sitting.id, {
      personId: member.personId, name: member.name, seat: "Member", membership: "standing", status: "present"
    })
    return { week, decision: week.decisions[0]! }
  })

describe("Disagreements use cases", () => {
  it.effect("SUP-8: dissent, areas, the member's manager, the Assistant Director, outcome; the clock is met", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const { week, decision } = yield* heardWith("support-panels", sup.member)
      const recorded = yield* disagreements.recordDissent(sup.member, dissent(decision.id))
      expect(recorded).toMatchObject({
        status: "dissent_recorded",
        route: "member_manager_then_assistant_director",
        referralId: decision.subject.referralId,
        sittingId: week.sitting.id,
        attendance: "present"
      })
      yield* disagreements.noteAreas(sup.chair, recorded.id, ["Placement type", "Cost against benefit"])
      yield* TestClock.adjust("1 day")
      yield* disagreements.escalate(sup.member, recorded.id, "member_manager", party(sup.teamManager))
      yield* disagreements.escalate(sup.teamManager, recorded.id, "assistant_director", party(sup.assistantDirector))
      yield* TestClock.adjust("5 days")
      const decided = yield* disagreements.recordOutcome(sup.assistantDirector, recorded.id, {
        outcome: "varied",
        rationale: "Residential for 6 weeks only, with a fostering search alongside",
        nextSteps: "The chair amends the decision to 6 weeks; it returns to panel at 5 weeks"
      })
      expect(decided).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "varied", by: { name: "Ruth Fairholme" } } })

      const read = yield* disagreements.get(sup.auditor, recorded.id)
      expect(read.escalations.map((step) => step.to.name)).toEqual(["Tom Brackley", "Ruth Fairholme"])
      const deadlines = disagreementClocks(read, preset("support-panels")).map((spec) =>
        toDeadline(spec, englandAndWales, { now: london("2027-12-30", "09:00"), dueSoonHours: 48 })
      )
      expect(deadlines.map((deadline) => [deadline.id, deadline.ruleId, deadline.state])).toEqual([
        [`${recorded.id}:outcome`, "DEF-DISAGREEMENT-10WD", "met"],
        [`${recorded.id}:areas`, "DEF-DISAGREEMENT-NOTE-NEXT-WD", "met"]
      ])

      expect((yield* disagreements.list(sup.administrator, { decisionId: decision.id })).map((d) => d.id)).toEqual([recorded.id])
      expect(yield* disagreements.list(sup.administrator, { status: "withdrawn" })).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-7: once attendance is taken, a member not recorded at the sitting is refused and nothing is written", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const week = yield* playWeek(preset("support-panels"))
      const refused = yield* Effect.flip(disagreements.recordDissent(sup.member, dissent(week.decisions[0]!.id)))
      expect(refused).toMatchObject({ _tag: "MemberNotAtSitting", ruleId: "SUP-8", attendance: "not_recorded" })
      expect(refused.message).toContain("Sam Jessop is not recorded as attending the sitting on")
      expect(yield* disagreements.list(sup.administrator)).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-13: the chair takes it to the Assistant Director and records the outcome agreed with them", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const { decision } = yield* heardWith("lincolnshire", lin.member)
      const { id } = yield* disagreements.recordDissent(lin.chair, dissent(decision.id, lin.member))
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

  it.effect("CPR-7: a dissent from a decision that does not exist, or is another authority's, is NotFound and writes nothing", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const { decision } = yield* heardWith("support-panels", sup.member)
      const missing = yield* Effect.flip(disagreements.recordDissent(sup.member, dissent(DecisionId.make("dec_99"))))
      expect(missing).toMatchObject({ _tag: "NotFound", message: "No decision with id dec_99 was found." })
      const elsewhere = yield* Effect.flip(disagreements.recordDissent(lin.member, dissent(decision.id, lin.member)))
      expect(elsewhere).toMatchObject({ _tag: "NotFound", message: `No decision with id ${decision.id} was found.` })
      expect(yield* disagreements.list(sup.auditor)).toEqual([])
      expect(yield* disagreements.list(lin.auditor)).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's staff get NotFound, reading or acting, exactly as for a missing disagreement", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const { decision } = yield* heardWith("support-panels", sup.member)
      const { id } = yield* disagreements.recordDissent(sup.member, dissent(decision.id))
      yield* disagreements.noteAreas(sup.chair, id, ["Placement type"])

      const read = yield* Effect.flip(disagreements.get(lin.auditor, id))
      expect(read).toMatchObject({ _tag: "NotFound", message: `No disagreement with id ${id} was found.` })
      const escalate = yield* Effect.flip(disagreements.escalate(lin.chair, id, "assistant_director", party(lin.assistantDirector)))
      expect(escalate).toMatchObject({ _tag: "NotFound", id })
      const withdraw = yield* Effect.flip(disagreements.withdraw(lin.member, id, "Not mine to withdraw"))
      expect(withdraw._tag).toBe("NotFound")
      expect(yield* disagreements.list(lin.auditor)).toEqual([])
      const missing = yield* Effect.flip(disagreements.get(sup.auditor, DisagreementId.make("dis_9")))
      expect(missing).toMatchObject({ _tag: "NotFound", message: "No disagreement with id dis_9 was found." })

      // And the disagreement is untouched in its own authority.
      expect((yield* disagreements.get(sup.auditor, id)).status).toBe("areas_noted")
    }).pipe(Effect.provide(core))
  )

  it.effect("checks roles before anything is read: a social worker neither records nor reads dissent", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      // Refused for who they are, before the decision is even looked up.
      const refused = yield* Effect.flip(disagreements.recordDissent(sup.socialWorker, dissent(DecisionId.make("dec_99"), sup.socialWorker)))
      expect(refused).toMatchObject({ _tag: "NotPermitted", action: "record a formal dissent from a panel decision" })
      const { decision } = yield* heardWith("support-panels", sup.member)
      const { id } = yield* disagreements.recordDissent(sup.member, dissent(decision.id))
      expect((yield* Effect.flip(disagreements.get(sup.socialWorker, id)))._tag).toBe("NotPermitted")
      const notes = yield* Effect.flip(disagreements.noteAreas(sup.member, id, ["Placement type"]))
      expect(notes).toMatchObject({ _tag: "NotPermitted", message: "Only a panel chair, vice chair or panel administrator can note the areas of disagreement." })
    }).pipe(Effect.provide(core))
  )
})
