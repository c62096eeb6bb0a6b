import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, sosMinutes, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")

describe("decision decider: what a Lincolnshire decision must say (LIN-5)", () => {
  it("LIN-5: refuses minutes whose 'what's working well' is blank, naming it", () => {
    const refusal = lin.spec.given([]).when(lin.cmd("administrator", {
      _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content({ minutes: { ...sosMinutes, workingWell: "   " } })
    })).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "minutes.workingWell", ruleId: "LIN-5" }] })
  })

  it("LIN-5: how long accommodation is agreed for is asked of an approval, never of a decline", () => {
    const withoutWeeks = (outcome: "approve" | "decline") =>
      lin.spec.given([]).when(lin.cmd("administrator", {
        _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content({ outcome, agreed: outcome === "approve" ? { placement: "in_house_foster" } : {} })
      }))
    expect(withoutWeeks("approve").refusal()).toMatchObject({ missing: [{ field: "agreed.accommodationWeeks", ruleId: "LIN-5" }] })
    expect(withoutWeeks("decline").state()).toMatchObject({ content: { outcome: "decline" } })
  })
})

describe("decision decider: who agrees outside panel for a request of several types (LIN-11)", () => {
  const agreement = (types: ReturnType<typeof subject>["requestTypes"]) => ({
    _tag: "RecordOutsidePanelAgreement",
    decisionId,
    subject: subject(types),
    content: content({ agreed: { accommodationWeeks: 2, placement: "in_house_foster", careProceedings: true } }),
    whyOutsidePanel: "Child left at school by a parent who was arrested; no sitting until Wednesday",
    timescales: "Accommodation for 2 weeks, then back to panel",
    placedAt: london("2027-06-07", "18:00")
  })
  const at = london("2027-06-07", "19:00")

  it("LIN-11: accommodation and care proceedings together need both the Assistant Director and the service manager", () => {
    const first = lin.spec.given([]).when(lin.cmd("assistantDirector", agreement(["s20_accommodation", "care_proceedings"]), at))
    expect(first.state()!.status).not.toBe("final")
    const both = lin.spec.given(first.events()).when(lin.cmd("serviceManager", { _tag: "AgreeOutsidePanel" }, at)).state()
    expect(both!.status).toBe("final")
    expect(both!.outsidePanel!.agreements.map((agreed) => agreed.role)).toEqual(["assistant_director", "service_manager"])
  })

  it("LIN-11: accommodation alone is agreed by the Assistant Director alone", () => {
    expect(lin.spec.given([]).when(lin.cmd("assistantDirector", agreement(["s20_accommodation"]), at)).state()!.status).toBe("final")
  })

  it("LIN-11: accommodation recorded by a service manager waits for the Assistant Director's agreement", () => {
    const recorded = lin.spec.given([]).when(lin.cmd("serviceManager", agreement(["s20_accommodation"]), at))
    expect(recorded.state()!.status).not.toBe("final")
    expect(recorded.events()).toMatchObject([{ agreementsNeeded: [{ anyOf: ["assistant_director"] }] }])
  })
})

describe("decision decider: the rule a return to panel cites is the authority's own", () => {
  const nso = decisionsAt("north-somerset")
  const record = (ruleId: "DEF-RECORD-TIMESCALES" | "LIN-7") =>
    nso.spec.given([]).when(
      nso.cmd("administrator", {
        _tag: "RecordDecision",
        decisionId,
        subject: subject(),
        sitting: heldSitting("north-somerset"),
        content: content({ outcome: "decline", agreed: {}, minutes: undefined, returnToPanel: { withinWeeks: 6, ruleId } })
      })
    )

  it("DEF-RECORD-TIMESCALES: at North Somerset a return cites its own rule; Lincolnshire's LIN-7 is refused, naming the rule to cite", () => {
    expect(record("DEF-RECORD-TIMESCALES").state()).toMatchObject({ content: { returnToPanel: { withinWeeks: 6, ruleId: "DEF-RECORD-TIMESCALES" } } })
    const refused = record("LIN-7")
    expect(refused.refusal()).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [{ field: "returnToPanel.ruleId", ruleId: "DEF-RECORD-TIMESCALES" }],
      message: expect.stringContaining("its return to panel under this authority's own rule for it, not LIN-7")
    })
  })
})
