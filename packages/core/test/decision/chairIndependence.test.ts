import { describe, expect, it } from "@effect/vitest"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import type { Subject } from "../../src/decision/DecisionParts.js"
import { preset } from "../../src/policy/authorities/index.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { TeamId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"

import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const teamNorth = TeamId.make("team-north")
const caseOf = (teamManager: { personId: string; name: string }): Subject =>
  ({ ...subject(["s20_accommodation"]), teamId: teamNorth, teamManager }) as Subject
const chairedBy = (person: { personId: string; name: string }) =>
  heldSitting("lincolnshire", { quorum: { enough: true, chair: { personId: person.personId, name: person.name } as never } })
const recording = (caseSubject: Subject, chair: { personId: string; name: string }): DecisionCommand =>
  lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: caseSubject, sitting: chairedBy(chair), content: content() })

/** Lincolnshire with Team North's line management listed: Owen Ellery is the service manager above it. */
const withTeams = deciderSpec(decisionDecider, {
  calendar: englandAndWales,
  policy: {
    ...preset("lincolnshire"),
    decision: {
      ...preset("lincolnshire").decision,
      chairIndependence: {
        ruleId: "LIN-1",
        teams: [{ teamId: teamNorth, name: "Team North", lineManagers: [{ personId: lin.staff.serviceManager.personId, name: "Owen Ellery" }] }]
      }
    }
  }
})

describe("LIN-1: the chair is independent of the case's line management", () => {
  it("refuses a decision at a sitting chaired by the request's own team manager, and writes nothing", () => {
    const refusal = lin.spec.given([]).when(recording(caseOf(lin.staff.teamManager), lin.staff.teamManager)).refusal()
    expect(refusal).toMatchObject({
      _tag: "NotTheRightPerson",
      ruleId: "LIN-1",
      message:
        "Tom Brackley chaired this sitting and is in the line management of the allocated team: the chair must be independent of the case's line management (LIN-1). Put the request before a sitting chaired by someone outside it."
    })
  })

  it("refuses where the policy lists the chair as a line manager of the allocated team; another team's case is theirs to hear", () => {
    const owen = lin.staff.serviceManager
    expect(withTeams.given([]).when(recording(caseOf(lin.staff.teamManager), owen)).refusal()).toMatchObject({
      _tag: "NotTheRightPerson",
      message: expect.stringContaining("Owen Ellery chaired this sitting and is in the line management of Team North")
    })
    const otherTeam = { ...caseOf(lin.staff.teamManager), teamId: TeamId.make("team-south") } as Subject
    expect(withTeams.given([]).when(recording(otherTeam, owen)).state()?.status).toBe("awaiting_sign_off")
  })

  it("records the decision on a Team North case when the policy lists its line managers and the chair is not among them", () => {
    expect(withTeams.given([]).when(recording(caseOf(lin.staff.teamManager), lin.staff.chair)).state()?.status).toBe("awaiting_sign_off")
  })

  it("records the decision when the chair manages neither the team nor its manager", () => {
    expect(lin.spec.given([]).when(recording(caseOf(lin.staff.teamManager), lin.staff.chair)).state()?.status).toBe("awaiting_sign_off")
  })

  it("an authority whose terms of reference say nothing of it (Care Planning) is not refused", () => {
    const cpr = decisionsAt("care-planning")
    const command = cpr.cmd("administrator", {
      _tag: "RecordDecision",
      decisionId,
      subject: { ...subject(["placement_change"]), teamManager: { personId: cpr.staff.chair.personId, name: "Martin Gorsley" } },
      sitting: heldSitting("care-planning"),
      content: content({ minutes: undefined })
    })
    expect(cpr.spec.given([]).when(command).state()?.status).toBe("awaiting_sign_off")
  })
})

