import { describe, expect, it } from "@effect/vitest"
import { content, decisionsAt, sosMinutes } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")

describe("LIN-5: the Signs of Safety minutes a decision must record, in words", () => {
  it("LIN-5: given minutes with no note of what is working well, when the decision is edited, then the refusal says it must say what's working well", () => {
    const edit = lin.cmd("administrator", { _tag: "EditDecision", content: content({ minutes: { ...sosMinutes, workingWell: " " } }) })
    expect(lin.spec.given(lin.recorded()).when(edit).refusal()).toMatchObject({
      _tag: "IncompleteDecision",
      message: "The decision cannot be recorded yet. It must say: what's working well (LIN-5)."
    })
  })
})
