import { describe, expect, it } from "@effect/vitest"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, london } from "../fixtures.js"
import { withMinimum } from "../sitting/minimumQuorum.js"
import { content, decisionId, heldSitting, subject } from "./fixtures.js"

// An authority may set a quorum of its own (`panels[].quorum: Minimum { members }`): the chair's "enough" is then
// checked against the members recorded present (QuorumNotMet). Where the chair decides (NSO-1), no decision is
// recorded before the chair has said whether enough members are present. With a minimum, the decision was recorded
// when nobody had said: the panel decided with however few came, and the minimum the authority set was never applied.

const staff = staffOf("care-planning")

describe("a decision at a sitting of a panel that sets a minimum number of members", () => {
  it("DEF-QUORUM-MINIMUM: a decision waits for the chair to record that enough members are present, as it does where the chair decides", () => {
    const { quorum: _, ...unsettled } = heldSitting("care-planning")
    const attempt = deciderSpec(decisionDecider, { policy: withMinimum(3), calendar: englandAndWales })
      .given([])
      .when({ _tag: "RecordDecision", decisionId, subject: subject(), sitting: unsettled, content: content(), by: as(staff.administrator), at: london("2027-06-09", "13:30") })
    expect(attempt.refusal()).toMatchObject({
      _tag: "SittingNotHeld",
      reason: "quorum_not_settled",
      message: "The chair has not yet said whether enough members are present at the sitting on Wed 9 Jun 2027 (DEF-QUORUM-MINIMUM, Carepanel default, not in the terms of reference; set by the authority's policy): the chair records that first, then the decisions."
    })
  })
})
