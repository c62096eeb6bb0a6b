import { describe, expect, it } from "@effect/vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { Subject } from "../../src/decision/DecisionParts.js"
import { preset } from "../../src/policy/authorities/index.js"
import { TeamId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const teamNorth = TeamId.make("team-north")
const { serviceManager, teamManager, chair } = lin.staff

/** Lincolnshire with Team North's line management listed: Owen Ellery is the service manager above it. */
const withTeams = deciderSpec(decisionDecider, {
  calendar: englandAndWales,
  policy: {
    ...preset("lincolnshire"),
    decision: {
      ...preset("lincolnshire").decision,
      chairIndependence: { ruleId: "LIN-1", teams: [{ teamId: teamNorth, name: "Team North", lineManagers: [{ personId: serviceManager.personId, name: serviceManager.name }] }] }
    }
  }
})

describe("LIN-1: a chair outside a listed team's line management", () => {
  it("LIN-1: given Team North's line managers are listed, when the panel chair, who is not among them, chairs the sitting on a Team North case, then the decision is recorded", () => {
    const teamNorthCase = { ...subject(["s20_accommodation"]), teamId: teamNorth, teamManager: { personId: teamManager.personId, name: teamManager.name } } as Subject
    const sitting = heldSitting("lincolnshire", { quorum: { enough: true, chair: { personId: chair.personId, name: chair.name } } })
    const recording = lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: teamNorthCase, sitting, content: content() })
    expect(withTeams.given([]).when(recording).state()?.status).toBe("awaiting_sign_off")
  })
})
