import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// Known gap. LIN-11 lets expenditure be agreed outside panel only as "tripartite funding for a disabled child in a
// 38-week educational placement"; whoever records the agreement confirms that case (confirmsCase). The request records
// whether each child is disabled, and Carepanel accepts the confirmation even where it records no child as disabled:
// the record then says the agreement was for a disabled child, against the request's own facts.
// Proposed fix: `decideRecord.ts` refuses the confirmation when the request records no child as disabled (the use case
// passing the request's children's `disabled` on the command), naming the fact to correct. Not done, as a product
// decision: a request whose "disabled" was left unticked would wait for a sitting (or a corrected request) in the very
// case LIN-11 means to let through, and the team may prefer to trust the confirmer's word.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")

describe("tripartite funding confirmed for a child the request does not record as disabled (LIN-11)", () => {
  it.effect.fails("is refused, naming the request's fact, rather than agreed as for a disabled child", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(lin, "expenditure", { id: "child-m", name: "Marlo Quint" })
      expect(request.form.children.map((child) => child.disabled)).toEqual([false])
      const attempt = yield* Effect.either(
        (yield* Decisions).recordOutsidePanel(staff.serviceManager, request.id, {
          content: exampleDecision(lin, "expenditure", "approve", { actionsDue: "2027-06-14" as LocalDate, key: request.id }),
          whyOutsidePanel: "The school place starts on Monday",
          timescales: "For the school year",
          confirmsCase: true
        })
      )
      expect(attempt._tag === "Left" ? `${attempt.left._tag}: ${attempt.left.message}` : `agreed, ${attempt.right.status}`).toBe(
        "NotApplicable: The request records no child as disabled, and LIN-11 lets expenditure be agreed outside panel only as tripartite funding for a disabled child in a 38-week educational placement: correct the request, or bring it to a sitting."
      )
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
