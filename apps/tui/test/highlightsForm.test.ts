import { preset, type Referral } from "@carepanel/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { decisionContentOf, decisionFields } from "../src/data/decisionContent.js"

// Only the form's request types shape the decision form.
const request = { form: { requestTypes: ["placement_change"] } } as unknown as Referral
const typed = { outcome: "decline", rationale: "A move now would end her school place", presentation: "The social worker read the school's letter", discussion: "Members preferred support in the current placement" }

describe("the decision form asks for CPR-10's highlights where the policy does", () => {
  it("Care Planning: shows both fields and sends them to the core", async () => {
    const keys = decisionFields(preset("care-planning"), request, typed).map((field) => field.key)
    expect(keys).toEqual(expect.arrayContaining(["presentation", "discussion"]))
    const content = await Effect.runPromise(decisionContentOf(preset("care-planning"), request, typed, (index) => `act_${index}`))
    expect(content.highlights).toEqual({ presentation: "The social worker read the school's letter", discussion: "Members preferred support in the current placement" })
  })

  it("Lincolnshire: does not ask", () => {
    const keys = decisionFields(preset("lincolnshire"), request, typed).map((field) => field.key)
    expect(keys).not.toContain("presentation")
  })
})
