import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import { fold } from "../../src/shared/decider.js"
import { contextOf, london } from "../fixtures.js"
import { decisionsAt } from "./fixtures.js"

const cpr = decisionsAt("care-planning")
const context = contextOf("care-planning")
/** Care Planning's policy, had it chosen to bring hotel and private-let accommodation back to panel 2 to 4 weeks on. */
const reviewingHotels: AuthorityContext = {
  ...context,
  policy: {
    ...context.policy,
    decision: {
      ...context.policy.decision,
      automaticReviews: [
        {
          ruleId: "CPR-10",
          forRequestTypes: ["exceptional_accommodation"],
          earliest: { ruleId: "CPR-10", clock: { _tag: "WeeksAfter", weeks: 2 } },
          latest: { ruleId: "CPR-10", clock: { _tag: "WeeksAfter", weeks: 4 } }
        }
      ]
    }
  }
}
const reviews = (events: ReadonlyArray<DecisionEvent>) =>
  deadlinesOf({ referrals: [], sittings: [], decisions: [fold(decisionDecider, events) as Decision] }, reviewingHotels, { now: london("2027-06-10", "09:00"), dueSoonHours: 48 }).filter(
    (deadline) => deadline.id === "dec_1:review:CPR-10"
  )

describe("CPR-10: a review of a request type that records nothing more as agreed", () => {
  it("CPR-10: given a policy reviewing exceptional accommodation 2 to 4 weeks on, when the panel approves a hotel, then the review is due 4 weeks after the sitting; a decline starts none", () => {
    const [review] = reviews(cpr.recorded({ minutes: undefined }, ["exceptional_accommodation"]))
    expect(review?.due).toEqual(london("2027-07-07", "13:00"))
    expect(reviews(cpr.recorded({ minutes: undefined, outcome: "decline" }, ["exceptional_accommodation"]))).toEqual([])
  })
})
