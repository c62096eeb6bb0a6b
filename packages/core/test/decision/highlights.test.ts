import { describe, expect, it } from "@effect/vitest"
import { textOf } from "../../src/documents/DocumentModel.js"
import { carePlanningSheetForChair } from "../documents/fixtures.js"
import { london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const cpr = decisionsAt("care-planning")
const highlights = { presentation: "Ms Ashdown described the breakdown of the foster placement", discussion: "Members weighed a residential home against a new foster family" }
const recording = (at: ReturnType<typeof decisionsAt>, slug: Parameters<typeof heldSitting>[0], overrides: Parameters<typeof content>[0]) =>
  at.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(["placement_change"]), sitting: heldSitting(slug), content: content({ minutes: undefined, ...overrides }) })

describe("CPR-10: the record holds highlights of the presentation and discussion", () => {
  it("a decision at the Care Planning panel without them is refused, naming both and citing CPR-10", () => {
    const refusal = cpr.spec.given([]).when(recording(cpr, "care-planning", { highlights: undefined })).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteDecision",
      missing: [
        { field: "highlights.presentation", ruleId: "CPR-10", label: "the highlights of the presentation" },
        { field: "highlights.discussion", ruleId: "CPR-10", label: "the highlights of the panel's discussion" }
      ]
    })
  })

  it("are kept on the decision and shown on its decision sheet under Presentation and discussion", () => {
    const decision = cpr.spec.given([]).when(recording(cpr, "care-planning", { highlights })).state()!
    expect(decision.content.highlights).toEqual(highlights)
    const sheet = carePlanningSheetForChair(decision, london("2027-06-10", "09:00"))
    const section = sheet.sections.find((candidate) => candidate.heading === "Presentation and discussion")!
    expect(textOf({ ...sheet, sections: [section] })).toContain("Ms Ashdown described the breakdown of the foster placement")
    expect(textOf({ ...sheet, sections: [section] })).toContain("Members weighed a residential home against a new foster family")
  })

  it("an edit may not take them out; an authority whose terms of reference do not ask for them records without", () => {
    const recorded = cpr.spec.play([recording(cpr, "care-planning", { highlights })])
    const edit = cpr.cmd("chair", { _tag: "EditDecision", content: content({ minutes: undefined, highlights: undefined }) })
    expect(cpr.spec.given(recorded).when(edit).refusal()).toMatchObject({ _tag: "IncompleteDecision", missing: [{ ruleId: "CPR-10" }, { ruleId: "CPR-10" }] })
    const sup = decisionsAt("support-panels")
    expect(sup.spec.given([]).when(recording(sup, "support-panels", { highlights: undefined })).state()?.status).toBe("awaiting_sign_off")
  })
})
