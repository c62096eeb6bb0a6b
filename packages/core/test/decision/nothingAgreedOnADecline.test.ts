import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"

// CPR-8 outcomes are approve, decline or defer; only an approval agrees anything. A decline or deferral may still carry
// what was typed as agreed (the administrator types the funding while the panel talks, then the panel declines; an
// approval is amended to a decline): its clocks and the reports already ignore it (`comeBack`, `startsReviews`, the
// edge-of-care funding rows count approvals only). What the social worker and team manager are sent must ignore it too:
// "declined" followed by "Funding: GBP 1,800.00 a year" reads as money agreed.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("a declined expenditure request whose decision still carries the funding typed for it", () => {
  it.effect("NSO-8: the final decision sent to the social worker and team manager says declined and names no funding as agreed", () =>
    Effect.gen(function* () {
      const [decisions, outbox] = yield* Effect.all([Decisions, Outbox])
      const { request, sitting } = yield* onTheAgendaOfTheNinth(nso, "expenditure", { id: "child-e", name: "Ellis Brantwood" }, staff.assistantDirector)

      // Typed as an approval with its funding; the panel declines, and the outcome is changed before sign-off.
      const typed = exampleDecision(nso, "expenditure", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "exp" })
      expect(typed.agreed.funding).toBeDefined()
      const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, typed)
      const declined = yield* decisions.edit(staff.administrator, recorded.id, { ...typed, outcome: "decline", rationale: "Family support is already funded from the same budget", actions: [] })
      yield* signOffAll(declined, staff.assistantDirector, (role) => holderOf("north-somerset", role))

      const sent = (yield* outbox.due("email", "2100-01-01T00:00:00.000Z", 100)).filter((entry) => entry.notification.kind === "decision.final")
      expect(sent.length).toBeGreaterThan(0)
      for (const { notification } of sent) {
        expect(notification.headline).toBe("Panel decision for child child-e (expenditure): declined")
        expect(notification.body.filter((line) => line.startsWith("Funding:"))).toEqual([])
      }
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
