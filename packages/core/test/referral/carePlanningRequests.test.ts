import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { referralsAt } from "./fixtures.js"

const policy = preset("care-planning")
const panelId = policy.panels[0].id
const papers = policy.referral.requiredDocuments.map((required) => required.kind)
const submitAt = (slug: "care-planning" | "lincolnshire", form: Partial<ReferralForm>) => {
  const at = referralsAt(slug, slug === "care-planning" ? panelId : preset(slug).panels[0].id)
  const kinds = slug === "care-planning" ? papers : preset(slug).referral.requiredDocuments.map((required) => required.kind)
  return at.spec.given(at.draft(form, kinds)).when(at.cmd("socialWorker", { _tag: "Submit" }))
}
const hotel = { kind: "hotel", weeklyCostPence: 84_000, valueForMoney: "No foster or residential bed tonight; cheaper than an agency bed" } as const

describe("CPR-4: the IRO's and the Head of Service's input is recorded on the request", () => {
  it("a Care Planning request without either is refused naming each, citing CPR-4", () => {
    const refusal = submitAt("care-planning", { requestTypes: ["placement_change"], seniorInput: [] }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [
        { field: "seniorInput.independent_reviewing_officer", label: "the input of the Independent Reviewing Officer (who, when, what)", ruleId: "CPR-4" },
        { field: "seniorInput.head_of_service", label: "the input of the Head of Service (who, when, what)", ruleId: "CPR-4" }
      ]
    })
  })

  it("with the IRO's input only, the Head of Service's is still asked for; the recorded input (who, when, what) stays on the request", () => {
    const iro = { from: "independent_reviewing_officer", name: "Hana Okafor", givenOn: "2027-05-28" as LocalDate, input: "Supports a move closer to school" } as const
    const refusal = submitAt("care-planning", { requestTypes: ["placement_change"], seniorInput: [iro] }).refusal()
    expect(refusal).toMatchObject({ missing: [{ field: "seniorInput.head_of_service", ruleId: "CPR-4" }] })
    const head = { from: "head_of_service", name: "Grace Dunmore", givenOn: "2027-05-29" as LocalDate, input: "Agrees, within the placement budget" } as const
    const submitted = submitAt("care-planning", { requestTypes: ["placement_change"], seniorInput: [iro, head] }).state()!
    expect(submitted.form.seniorInput).toEqual([iro, head])
  })

  it("Lincolnshire's procedure does not ask for it", () => {
    expect(submitAt("lincolnshire", { requestTypes: ["s20_accommodation"], seniorInput: [] }).events().length).toBeGreaterThan(0)
  })
})

describe("CPR-5: exceptional accommodation (a hotel, a private let) as a request type", () => {
  it("is refused without what is asked for, its weekly cost and its value for money", () => {
    const refusal = submitAt("care-planning", { requestTypes: ["exceptional_accommodation"] }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "exceptionalAccommodation", label: "the exceptional accommodation asked for, its weekly cost and why it is value for money", ruleId: "CPR-5" }]
    })
  })

  it("is submitted with them, and they stay on the request", () => {
    const submitted = submitAt("care-planning", { requestTypes: ["exceptional_accommodation"], exceptionalAccommodation: hotel }).state()!
    expect(submitted.form.exceptionalAccommodation).toEqual(hotel)
  })

  it("only Care Planning's seed has it: Lincolnshire refuses it as out of scope", () => {
    expect(submitAt("lincolnshire", { requestTypes: ["exceptional_accommodation"], exceptionalAccommodation: hotel }).refusal()).toMatchObject({ _tag: "OutOfScope" })
  })
})
