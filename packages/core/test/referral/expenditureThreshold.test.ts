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

/** Given a North Somerset expenditure request costing `annualCostPence` a year with no reason ticked, when submitted: its criteria. */
const criteriaWhenSubmitted = (annualCostPence: number, overrides: Partial<ReferralForm> = {}) =>
  northSomerset.spec
    .given(northSomerset.draft({ requestTypes: ["expenditure"], respiteOrFamilySupport: false, annualCostPence, presentationReasons: [], ...overrides }, papers))
    .when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))
    .state()!.criteria

/** "1,500.00" for 150000 pence: written out here so the test does not borrow the code's formatting. */
const gbp = (pence: number) => `GBP ${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`

const expenditure = (limitPence: number, costPence: number, disabled = false) => {
  const whose = disabled ? " for a disabled child" : ""
  return {
    ruleId: "NSO-6",
    level: "must",
    description: `Expenditure of over ${gbp(limitPence)} a year${whose} is authorised by panel`,
    explanation: `NSO-6: expenditure of ${gbp(costPence)} a year is over the threshold of ${gbp(limitPence)} a year${whose}`
  }
}

describe("referral: NSO-6 expenditure over GBP 1,000 a year (GBP 2,000 for a disabled child) must come to panel", () => {
  it("NSO-6: a request costing GBP 1,500 a year, with no reason ticked, is recorded as one that must come to panel", () => {
    expect(criteriaWhenSubmitted(150_000)).toEqual([expect.objectContaining(expenditure(100_000, 150_000))])
  })

  it("NSO-6: exactly GBP 1,000 a year is not over the threshold; one penny more is", () => {
    expect(criteriaWhenSubmitted(100_000)).toEqual([])
    expect(criteriaWhenSubmitted(100_001)).toEqual([expect.objectContaining(expenditure(100_000, 100_001))])
  })

  it("NSO-6: a request with no cost given is not an expenditure request", () => {
    expect(criteriaWhenSubmitted(150_000, { annualCostPence: undefined })).toEqual([])
  })

  it("NSO-6: for siblings one of whom is disabled the threshold is GBP 2,000, exactly that amount not over it", () => {
    const siblings = { children: [child, disabledSibling] }
    expect(criteriaWhenSubmitted(200_000, siblings)).toEqual([])
    expect(criteriaWhenSubmitted(200_001, siblings)).toEqual([expect.objectContaining(expenditure(200_000, 200_001, true))])
  })

  it("NSO-6: the expenditure criterion, a must, is listed before a ticked 'should' reason", () => {
    const criteria = criteriaWhenSubmitted(150_000, { presentationReasons: ["edge_of_care_support"] })
    expect(criteria.map(({ ruleId, level, reason }) => [ruleId, level, reason])).toEqual([
      ["NSO-6", "must", "complex_needs"],
      ["NSO-6", "should", "edge_of_care_support"]
    ])
  })

  test.prop([fc.integer({ min: 0, max: 500_000 }), fc.boolean()], { numRuns: 60 })(
    "property: the criterion is recorded exactly when the yearly cost is over the child's threshold, with the arithmetic",
    (annualCostPence, disabled) => {
      const limit = disabled ? 200_000 : 100_000
      const criteria = criteriaWhenSubmitted(annualCostPence, { children: [{ ...child, disabled }] })
      expect(criteria).toEqual(annualCostPence > limit ? [expect.objectContaining(expenditure(limit, annualCostPence, disabled))] : [])
    }
  )
})
