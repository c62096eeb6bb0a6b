import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { fold } from "../../src/shared/decider.js"
import { decisionsAt } from "../decision/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { at } from "./fixtures.js"

// NSO-9: children in pre-proceedings are reviewed by panel at 8-10 weeks. The deadlines list gathers every decision's
// hearing of a request: only one heard at a sitting (not an agreement outside panel) inside the window is the review.
// The entry: pre-proceedings approved at the sitting on Wed 9 Jun 2027 (13:00); the window opens 13:00 Wed 4 Aug 2027.

const entryDecision = (): Decision => {
  const nso = decisionsAt("north-somerset")
  return fold(decisionDecider, nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])) as Decision
}
const windowOpens = london("2027-08-04", "13:00")

/** The same request heard again `days` after the entry, at a sitting or agreed outside panel. */
const heardAgain = (entry: Decision, days: number, atPanel: boolean, n: number): Decision => ({
  ...entry,
  id: `dec_again_${n}` as Decision["id"],
  heardAt: DateTime.add(entry.heardAt, { days }),
  ...(atPanel ? {} : { madeAt: "outside_panel" as const, sittingId: undefined })
})

const entryReview = (decisions: ReadonlyArray<Decision>, entry: Decision) =>
  deadlinesOf({ referrals: [], sittings: [], decisions }, contextOf("north-somerset"), at(london("2027-12-01", "09:00"))).find(
    (deadline) => deadline.ruleId === "NSO-9" && deadline.about.id === entry.id
  )!

describe("NSO-9: what meets the review, across the decisions on a request", () => {
  it("NSO-9: an agreement outside panel in the window does not meet it; the sitting a week later does, listed before or after", () => {
    const entry = entryDecision()
    const outside = heardAgain(entry, 63, false, 1)
    const sitting = heardAgain(entry, 70, true, 2)
    expect(entryReview([entry, outside], entry)).toMatchObject({ state: "overdue" })
    expect(entryReview([entry, outside], entry).metAt).toBeUndefined()
    for (const decisions of [[entry, outside, sitting], [sitting, outside, entry]]) {
      expect(entryReview(decisions, entry)).toMatchObject({ state: "met", metAt: sitting.heardAt, metLate: false })
    }
  })

  test.prop([fc.array(fc.tuple(fc.integer({ min: 14, max: 100 }), fc.boolean()), { maxLength: 5 }), fc.boolean()])(
    "NSO-9: met at the first hearing at a sitting once the window has opened, whatever agreements outside panel come between, in any order",
    (later, entryLast) => {
      const entry = entryDecision()
      const again = later.map(([days, atPanel], n) => heardAgain(entry, days, atPanel, n))
      const reviews = again.filter((decision) => decision.madeAt === "panel" && !DateTime.lessThan(decision.heardAt, windowOpens))
      const first = reviews.map((decision) => decision.heardAt).sort((a, b) => DateTime.distance(b, a))[0]
      const clock = entryReview(entryLast ? [...again, entry] : [entry, ...again], entry)
      expect(clock.metAt).toEqual(first)
      expect(clock.state).toBe(first === undefined ? "overdue" : "met")
    }
  )
})
