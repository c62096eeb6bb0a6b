import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"

// LIN-5: an approval of accommodation says how long it is agreed for before the case returns to panel. LIN-7: a case
// asked to return does so within its timescale, unless progress makes it unnecessary: then a case note (and an email
// to Safeguarding & Review) within the same timescale. A child who went home after two weeks of six no longer needs
// the accommodation brought back to panel, and the team manager's case note must close that return as it closes a
// return date.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(lin)))

/** Section 20 accommodation for Robin, approved for 6 weeks at the sitting of Wed 9 Jun 2027 (back by 21 Jul). */
const accommodatedForSixWeeks = Effect.gen(function* () {
  const decisions = yield* Decisions
  const { request, sitting } = yield* onTheAgendaOfTheNinth(lin, "s20_accommodation", { id: "child-r", name: "Robin Oakes" }, staff.chair)
  const content = exampleDecision(lin, "s20_accommodation", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "s20" })
  expect(content.agreed.accommodationWeeks).toBe(6)
  const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, content)
  return { decisions, decision: yield* signOffAll(recorded, staff.chair, (role) => holderOf("lincolnshire", role)) }
})

describe("accommodation agreed for six weeks, the child home after two", () => {
  it.effect("LIN-7: the team manager's case note within the six weeks closes the return the accommodation asked for; no review falls overdue", () =>
    run(
      Effect.gen(function* () {
        const { decisions, decision } = yield* accommodatedForSixWeeks
        yield* TestClock.setTime(london("2027-06-30", "10:00").epochMillis)
        const waived = yield* Effect.either(decisions.waiveReturn(staff.teamManager, decision.id, "Robin went home on 23 June; the family network supports the return"))
        expect(waived._tag === "Right" ? waived.right.returnWaived?.at : waived.left.message).toEqual(london("2027-06-30", "10:00"))

        yield* TestClock.setTime(london("2027-07-26", "09:00").epochMillis)
        const back = (yield* (yield* Deadlines).forAuthority(staff.administrator)).filter((deadline) => deadline.id === `${decision.id}:accommodation-review`)
        expect(back.map((deadline) => deadline.state)).toEqual([])
      })
    )
  )

  it.effect("LIN-7: after the six weeks it is too late for a case note: the case comes back to panel", () =>
    run(
      Effect.gen(function* () {
        const { decisions, decision } = yield* accommodatedForSixWeeks
        yield* TestClock.setTime(london("2027-07-26", "09:00").epochMillis)
        const late = yield* Effect.either(decisions.waiveReturn(staff.teamManager, decision.id, "Robin went home on 23 June"))
        expect(late._tag === "Left" ? late.left : "waived").toMatchObject({ _tag: "ReturnOverdue", ruleId: "LIN-7" })
      })
    )
  )
})

describe("a deferral with a return date", () => {
  it.effect("LIN-7: a case note does not close it: the deferral comes back by itself, and the refusal says to withdraw the request instead", () =>
    run(
      Effect.gen(function* () {
        const [referrals, decisions] = yield* Effect.all([Referrals, Decisions])
        const { request, sitting } = yield* onTheAgendaOfTheNinth(lin, "s20_accommodation", { id: "child-d", name: "Dale Orwin" }, staff.chair)
        const deferral = { ...exampleDecision(lin, "s20_accommodation", "defer", { actionsDue: "2027-06-23" as LocalDate, key: "d" }), returnToPanel: { withinWeeks: 2, ruleId: "LIN-7" as const } }
        const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, deferral)
        const decision = yield* signOffAll(recorded, staff.chair, (role) => holderOf("lincolnshire", role))
        yield* TestClock.setTime(london("2027-06-14", "10:00").epochMillis)
        const waived = yield* Effect.either(decisions.waiveReturn(staff.teamManager, decision.id, "The family found their own arrangement"))
        expect(waived._tag === "Left" ? waived.left : "waived").toMatchObject({
          _tag: "NotApplicable",
          message: "A deferred request comes back to panel by itself, not by its return date: if it is no longer needed, withdraw the request."
        })
        expect((yield* referrals.get(staff.administrator, request.id)).status).toBe("ready")
      })
    )
  )
})
