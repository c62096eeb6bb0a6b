import { describe, expect, it } from "@effect/vitest"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import { hearingFor } from "../../src/decision/decisionHearing.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { content, decisionsAt } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const decisionOf = (events: ReadonlyArray<DecisionEvent>) => fold(decisionDecider, events) as Decision
const amended = (outcome: "approve" | "decline") =>
  lin.spec.play([lin.cmd("chair", { _tag: "AmendDecision", content: content({ outcome, rationale: "Reworded after the sitting" }), whatChanged: "Rationale", why: "Unclear" }, london("2027-06-10", "10:00"))], lin.signed())

describe("what an amendment tells the request", () => {
  it("given the request has heard the decision, when an amendment rewords its rationale and keeps the approval, then the request is told nothing", () => {
    expect(hearingFor(decisionOf(lin.signed()), decisionOf(amended("approve")))).toBeUndefined()
    expect(hearingFor(decisionOf(lin.signed()), decisionOf(amended("decline")))).toEqual({ _tag: "ReviseHearing", decisionId: "dec_1", outcome: "decline" })
  })
})
