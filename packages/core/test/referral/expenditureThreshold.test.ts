import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const northSomerset = referralsAt("north-somerset", "care-and-resource")
const papers = ["assessment", "care_plan", "genogram"] as const
const child = completeForm("care-and-resource").children[0]!
const disabledSibling = { ...child, childId: ChildId.make("child-2"), fullName: "Alex Testwood", disabled: true }

/** Given a North Somerset request costing `annualCostPence` a year with no reason ticked, when submitted: its criteria. */
const criteriaWhenSubmitted = (annualCostPence: number, overrides: Partial<ReferralForm> = {}) =>
  northSomerset.spec
    .given(northSomerset.draft({ annualCostPence, presentationReasons: [], ...overrides }, papers))
    .when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))
    .state()!.criteria

const expenditure = (pounds: number) => ({
  ruleId: "NSO-6",
  level: "must",
  description: `Expenditure of over GBP ${pounds} a year is authorised by panel`
})

describe("referral: NSO-6 expenditure over GBP 1,000 a year (GBP 2,000 for a disabled child) must come to panel", () => {
  it("NSO-6: a request costing GBP 1,500 a year, with no reason ticked, is recorded as one that must come to panel", () => {
    expect(criteriaWhenSubmitted(150_000)).toEqual([expect.objectContaining(expenditure(1000))])
  })

  it("NSO-6: exactly GBP 1,000 a year is not over the threshold; one penny more is", () => {
    expect(criteriaWhenSubmitted(100_000)).toEqual([])
    expect(criteriaWhenSubmitted(100_001)).toEqual([expect.objectContaining(expenditure(1000))])
  })

  it("NSO-6: a request with no cost given is not an expenditure request", () => {
    expect(criteriaWhenSubmitted(150_000, { annualCostPence: undefined })).toEqual([])
  })

  it("NSO-6: for siblings one of whom is disabled the threshold is GBP 2,000, exactly that amount not over it", () => {
    const siblings = { children: [child, disabledSibling] }
    expect(criteriaWhenSubmitted(200_000, siblings)).toEqual([])
    expect(criteriaWhenSubmitted(200_001, siblings)).toEqual([expect.objectContaining(expenditure(2000))])
  })

  it("NSO-6: the expenditure criterion, a must, is listed before a ticked 'should' reason", () => {
    const criteria = criteriaWhenSubmitted(150_000, { presentationReasons: ["edge_of_care_support"] })
    expect(criteria.map(({ ruleId, level, reason }) => [ruleId, level, reason])).toEqual([
      ["NSO-6", "must", "complex_needs"],
      ["NSO-6", "should", "edge_of_care_support"]
    ])
  })

  test.prop([fc.integer({ min: 0, max: 500_000 }), fc.boolean()], { numRuns: 60 })(
    "property: the criterion is recorded exactly when the yearly cost is over the child's threshold",
    (annualCostPence, disabled) => {
      const limit = disabled ? 200_000 : 100_000
      const criteria = criteriaWhenSubmitted(annualCostPence, { children: [{ ...child, disabled }] })
      expect(criteria).toEqual(annualCostPence > limit ? [expect.objectContaining(expenditure(limit / 100))] : [])
    }
  )
})
