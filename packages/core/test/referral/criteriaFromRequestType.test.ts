import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { preset } from "../../src/policy/authorities/index.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { referralsAt } from "./fixtures.js"

const northSomerset = referralsAt("north-somerset", "care-and-resource")
const carePlanning = referralsAt("care-planning", "care-planning-and-resources")
const nsoPapers = ["assessment", "care_plan", "genogram"] as const

/** Nothing ticked, not respite: only what the request's type (and nothing else on the form) brings. */
const nothingTicked = (requestTypes: ReadonlyArray<RequestType>): Partial<ReferralForm> => ({
  requestTypes: [...requestTypes],
  presentationReasons: [],
  respiteOrFamilySupport: false
})

const submitAtNorthSomerset = (form: Partial<ReferralForm>) =>
  northSomerset.spec.given(northSomerset.draft(form, nsoPapers)).when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))

const submitAtCarePlanning = (form: Partial<ReferralForm>) =>
  carePlanning.spec.given(carePlanning.draft(form, ["referral_form"])).when(carePlanning.cmd("socialWorker", { _tag: "Submit" }))

const cprPlacements: ReadonlyArray<RequestType> = ["placement_type", "placement_change", "external_placement", "s20_accommodation", "exceptional_accommodation"]
const hotel = { kind: "hotel", weeklyCostPence: 140_000, valueForMoney: "No foster or residential bed within 50 miles this week" } as const

describe("criteria from the request's type: NSO-6, what North Somerset's panel must authorise", () => {
  it("NSO-6: a section 20 request with nothing ticked is recorded as one the panel must authorise, citing the rule and the type", () => {
    expect(submitAtNorthSomerset(nothingTicked(["s20_accommodation"])).state()!.criteria).toEqual([
      {
        ruleId: "NSO-6",
        reason: "accommodation_considered",
        level: "must",
        description: "Section 20 accommodation, planned or not, is authorised here",
        explanation: "NSO-6: the request is for accommodation under section 20"
      }
    ])
  })

  it("NSO-6: pre-proceedings and care proceedings on one request are one must, naming both", () => {
    const criteria = submitAtNorthSomerset(nothingTicked(["pre_proceedings", "care_proceedings"])).state()!.criteria
    expect(criteria.map(({ reason, level, explanation }) => [reason, level, explanation])).toEqual([
      ["cusp_of_proceedings", "must", "NSO-6: the request is for starting pre-proceedings and care proceedings under section 31"]
    ])
  })

  it("NSO-6: ticking section 20 on an edge-of-care request is refused, naming the type that would make it true", () => {
    const outcome = submitAtNorthSomerset({ ...nothingTicked(["edge_of_care_resource"]), presentationReasons: ["accommodation_considered"] })
    expect(outcome.refusal()).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "presentationReasons", ruleId: "NSO-6" }] })
    expect(outcome.refusal().message).toBe(
      "The request cannot be submitted yet. Please complete: the request's type (accommodation under section 20), " +
        'which the reason "Section 20 accommodation, planned or not, is authorised here" (NSO-6) rests on.'
    )
  })

  it("NSO-6: the 'should' reason (FGC, edge of care, CAMHS used) is still the social worker's tick", () => {
    const criteria = submitAtNorthSomerset({ ...nothingTicked(["edge_of_care_resource"]), presentationReasons: ["edge_of_care_support"] }).state()!.criteria
    expect(criteria).toEqual([expect.objectContaining({ ruleId: "NSO-6", reason: "edge_of_care_support", level: "should" })])
    expect(criteria[0]!.explanation).toBeUndefined()
  })
})

describe("criteria from the request's type: CPR-5, every placement and exceptional accommodation is decided by the panel", () => {
  it("CPR-5: a change of placement with nothing ticked is recorded as a must, citing CPR-5", () => {
    const criteria = submitAtCarePlanning(nothingTicked(["placement_change"])).state()!.criteria
    expect(criteria).toEqual([
      expect.objectContaining({ ruleId: "CPR-5", reason: "accommodation_considered", level: "must", explanation: "CPR-5: the request is for changing a placement" })
    ])
  })

  test.prop([fc.subarray([...preset("care-planning").referral.inScope.requestTypes], { minLength: 1 })], { numRuns: 40 })(
    "property: at the Care Planning & Resources Panel the CPR-5 must is recorded exactly when a placement or exceptional accommodation is asked",
    (requestTypes) => {
      const form = { ...nothingTicked(requestTypes), exceptionalAccommodation: hotel }
      const criteria = submitAtCarePlanning(form).state()!.criteria
      const placements = requestTypes.filter((type) => cprPlacements.includes(type))
      expect(criteria.map((criterion) => [criterion.ruleId, criterion.level])).toEqual(placements.length > 0 ? [["CPR-5", "must"]] : [])
    }
  )
})
