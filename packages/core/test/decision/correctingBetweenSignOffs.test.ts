import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"

// NSO-8: the chair signs each decision sheet after checking it; the Assistant Director then finalises. Between the two,
// the decision is no longer edited, and an amendment waits until it is final. The refusal of the edit must say so,
// not send the Assistant Director to an amendment that is refused in turn ("not final yet").

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("correcting a decision the chair has signed and the Assistant Director has not yet finalised", () => {
  it.effect("NSO-8: the edit's refusal names the sign-off still awaited and says the amendment follows it, and the amendment is indeed refused until then", () =>
    Effect.gen(function* () {
      // A Head of Service chairs in the Assistant Director's absence (NSO-1), and signs the sheet after the sitting.
      const decisions = yield* Decisions
      const { request, sitting } = yield* onTheAgendaOfTheNinth(nso, "s20_accommodation", { id: "child-s", name: "Avery Lockhart" }, staff.headOfService)
      const content = exampleDecision(nso, "s20_accommodation", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "s20" })
      const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, content)
      yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
      const signed = yield* decisions.signOff(staff.headOfService, recorded.id)
      expect(signed.status).toBe("awaiting_sign_off")

      // The Assistant Director reads it before finalising and finds the placement type wrong.
      const corrected = { ...content, agreed: { ...content.agreed, placement: "independent_foster" as const } }
      const edit = yield* Effect.either(decisions.edit(staff.assistantDirector, recorded.id, corrected))
      expect(edit._tag === "Left" ? edit.left : "edited").toMatchObject({
        _tag: "DecisionIsFinal",
        message:
          "This decision has been signed off (NSO-8) and is waiting for the Assistant Director to sign it off: it is no longer edited. Once it is final, record an amendment saying what changed and why."
      })
      const amend = yield* Effect.either(decisions.amend(staff.assistantDirector, recorded.id, { content: corrected, whatChanged: "Placement type", why: "Typed wrongly" }))
      expect(amend._tag === "Left" ? amend.left._tag : "amended").toBe("DecisionNotFinal")
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
