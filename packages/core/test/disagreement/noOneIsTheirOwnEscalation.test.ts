import { describe, expect, it } from "@effect/vitest"
import { lin, party, sup, twoAuthoritiesCore } from "./twoAuthorities.js"
import { Effect, TestClock } from "effect"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { playWeek } from "../../src/testing/playWeek.js"

/**
 * SUP-8: the member raises the disagreement with their own manager, who asks for escalation to the Assistant
 * Director. LIN-13: the chair agrees the outcome with the Assistant Director. Neither step is one person with
 * themselves: a member who names themselves as their own manager would take their own dissent to the Assistant
 * Director, and a chair who names themselves as the Assistant Director would settle it alone.
 */
const core = twoAuthoritiesCore

/** A week of the authority's panel, the member recorded present, their dissent from its first decision with areas noted. */
const dissentNoted = (slug: "support-panels" | "lincolnshire") =>
  Effect.gen(function* () {
    const staff = staffOf(slug)
    const week = yield* playWeek(preset(slug))
    yield* (yield* Sittings).recordAttendance(staff.administrator, week.sitting.id, {
      personId: staff.member.personId, name: staff.member.name, seat: "Member", membership: "standing", status: "present"
    })
    const disagreements = yield* Disagreements
    const { id } = yield* disagreements.recordDissent(staff.member, {
      decisionId: week.decisions[0]!.id,
      member: party(staff.member),
      dissentsFrom: { _tag: "Decision" },
      grounds: "Residential care is not the least intrusive option"
    })
    yield* disagreements.noteAreas(staff.chair, id, ["Placement type"])
    return id
  })

describe("no one is their own step in a disagreement's escalation", () => {
  it.effect("SUP-8: a member who names themselves as their own manager is refused, and cannot then take it to the Assistant Director", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const id = yield* dissentNoted("support-panels")
      const refused = yield* Effect.flip(disagreements.escalate(sup.member, id, "member_manager", party(sup.member)))
      expect(refused).toMatchObject({ _tag: "WrongPersonForStep", ruleId: "SUP-8", step: "member_manager" })
      expect(refused.message).toBe(
        "Sam Jessop dissented and raises it with their own manager: name that manager, not Sam Jessop (SUP-8)."
      )
      const still = yield* disagreements.get(sup.auditor, id)
      expect([still.status, still.escalations.length]).toEqual(["areas_noted", 0])
      // The way on: the member names their manager, who takes it to the Assistant Director.
      yield* TestClock.adjust("1 day")
      yield* disagreements.escalate(sup.member, id, "member_manager", party(sup.teamManager))
      const withAd = yield* disagreements.escalate(sup.teamManager, id, "assistant_director", party(sup.assistantDirector))
      expect(withAd.escalations.map((step) => step.to.name)).toEqual(["Tom Brackley", "Ruth Fairholme"])
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-13: a chair who names themselves as the Assistant Director the outcome was agreed with is refused", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      const id = yield* dissentNoted("lincolnshire")
      yield* disagreements.escalate(lin.chair, id, "assistant_director", party(lin.assistantDirector))
      const refused = yield* Effect.flip(
        disagreements.recordOutcome(lin.chair, id, { outcome: "upheld", rationale: "Threshold not yet met", agreedWith: party(lin.chair) })
      )
      expect(refused).toMatchObject({ _tag: "WrongPersonForStep", ruleId: "LIN-13", step: "outcome" })
      expect(refused.message).toBe(
        "The chair agrees the outcome with the Assistant Director: name the Assistant Director it was agreed with, not Martin Gorsley, who records it (LIN-13)."
      )
      expect((yield* disagreements.get(lin.auditor, id)).status).toBe("with_assistant_director")
      const decided = yield* disagreements.recordOutcome(lin.chair, id, {
        outcome: "upheld",
        rationale: "Threshold not yet met",
        agreedWith: party(lin.assistantDirector)
      })
      expect(decided.outcome?.agreedWith?.name).toBe("Ruth Fairholme")
    }).pipe(Effect.provide(core))
  )
})
