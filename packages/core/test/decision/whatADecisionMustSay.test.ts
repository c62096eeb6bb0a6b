import { describe, expect, it } from "@effect/vitest"
import { deciderSpec } from "../../src/testing/decider.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, outsidePanelAgreement, planningMeeting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const cpr = decisionsAt("care-planning")
const kno = decisionsAt("knowsley")
const visit = planningMeeting
const agreement = outsidePanelAgreement
const evening = london("2027-06-07", "19:00")

describe("what a decision must say, and what it need not", () => {
  it("LIN-5: a Lincolnshire decision with no minutes at all is refused, naming each Signs of Safety heading", () => {
    const refusal = lin.spec.given([]).when(
      lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content({ minutes: undefined }) })
    ).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [{ field: "minutes.workingWell" }, { field: "minutes.worries" }, { field: "minutes.needsToHappen" }]
    })
  })

  it("LIN-5: how long accommodation is agreed for is asked only of accommodation, not of care proceedings approved", () => {
    const proceedings = lin.spec.given([]).when(
      lin.cmd("administrator", {
        _tag: "RecordDecision", decisionId, subject: subject(["care_proceedings"]), sitting: heldSitting("lincolnshire"), content: content({ agreed: { careProceedings: true } })
      })
    )
    expect(proceedings.state()!.content.agreed).toEqual({ careProceedings: true })
  })

  it("LIN-11, LIN-12: care proceedings agreed outside panel need no placement time; accommodation does", () => {
    const proceedings = lin.spec.given([]).when(lin.cmd("serviceManager", agreement(["care_proceedings"], { content: content({ actions: [visit], agreed: { careProceedings: true } }) }), evening))
    expect(proceedings.state()!.status).toBe("final")
    const accommodation = lin.spec.given([]).when(lin.cmd("assistantDirector", agreement(["s20_accommodation"], { content: content({ actions: [visit] }) }), evening))
    expect(accommodation.refusal()).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "placedAt", ruleId: "LIN-12" }] })
  })

  it("DEF-OUTSIDE-PANEL: at Care Planning the chair or vice chair agrees any request outside panel; a head of service's record waits for them", () => {
    const byViceChair = cpr.spec.given([]).when(cpr.cmd("viceChair", agreement(["placement_change"], { content: content({ minutes: undefined, actions: [visit], agreed: { placement: "in_house_foster" } }) }), evening))
    expect(byViceChair.state()).toMatchObject({ status: "final", outsidePanel: { ruleId: "DEF-OUTSIDE-PANEL", agreements: [{ role: "vice_chair" }] } })
    const byHead = cpr.spec.given([]).when(cpr.cmd("headOfService", agreement(["placement_change"], { content: content({ minutes: undefined, actions: [visit], agreed: { placement: "in_house_foster" } }) }), evening))
    expect(byHead.state()).toMatchObject({ status: "awaiting_agreement", outsidePanel: { pendingAgreements: [{ anyOf: ["panel_chair", "vice_chair"] }] } })
  })

  it("KNO-5: where a policy lets a service manager agree more than LPMs outside panel, only the LPM is asked when it is held", () => {
    const context = contextOf("knowsley")
    const wider = {
      ...context,
      policy: { ...context.policy, outsidePanel: { ...context.policy.outsidePanel, approvers: [{ anyOf: ["service_manager"] as ["service_manager"] }] } }
    }
    const spec = deciderSpec(decisionDecider, wider)
    const resource = spec.given([]).when(kno.cmd("serviceManager", agreement(["edge_of_care_resource"], { content: content({ minutes: undefined, actions: [visit], agreed: {} }) }), evening))
    expect(resource.state()!.status).toBe("final")
    const lpm = spec.given([]).when(kno.cmd("serviceManager", agreement(["legal_planning_meeting"], { content: content({ minutes: undefined, actions: [visit], agreed: { legalPlanningMeeting: true } }) }), evening))
    expect(lpm.refusal()).toMatchObject({ missing: [{ field: "lpmAt", ruleId: "KNO-5" }] })
  })
})
