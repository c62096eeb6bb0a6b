import { type AuthorityPolicy, OwnRuleId, Referrals } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { decisionFields } from "../src/data/decisionContent.js"
import { upcomingSittings } from "../src/data/requests.js"
import { demoPolicy, seededCore, staff, type TestCore, typedDecision } from "./support/harness.js"

// The demonstration authority with its review and highlights under rules of its own terms of reference (fictional).
const ownSource = "Wexcombe Children's Resource Panel, terms of reference (2027)"
const reviewWords = "Every decision says when the request comes back to panel."
const highlightsWords = "The record keeps the highlights of the presentation and the discussion."
const withOwnRules: AuthorityPolicy = {
  ...demoPolicy,
  ownRules: { source: ownSource, rules: { "WEX-3": reviewWords, "WEX-4": highlightsWords } },
  decision: { ...demoPolicy.decision, reviewRuleId: OwnRuleId.make("WEX-3"), highlightsRuleId: OwnRuleId.make("WEX-4") }
}

const cores: Array<TestCore> = []
afterAll(() => Promise.all(cores.map((core) => core.runtime.dispose())))

describe("the decision form's hints", () => {
  it("cite the authority's own review and highlights rules with their source and words", async () => {
    const tui = await seededCore(staff.administrator, withOwnRules)
    cores.push(tui)
    const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.chair))
    const request = await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.chair, sitting!.agenda[0]!.referralId)))
    const hints = Object.fromEntries(decisionFields(withOwnRules, request, typedDecision).map((field) => [field.key, field.hint]))

    expect(hints.reviewWeeks).toBe(`WEX-3, ${ownSource}, "${reviewWords}"; empty if none`)
    expect(hints.presentation).toBe(`WEX-4, ${ownSource}, "${highlightsWords}"`)
    expect(hints.discussion).toBe(hints.presentation)
  })
})
