import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { RequiredChildField } from "../../src/policy/RequiredField.js"
import type { ChildDetails, ReferralForm } from "../../src/referral/ReferralForm.js"
import type { IncompleteRequest, ReferralRefusal } from "../../src/referral/ReferralErrors.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const knowsley = referralsAt("knowsley", "circle-of-support")
const northSomerset = referralsAt("north-somerset", "care-and-resource")
const nsoPapers = ["assessment", "care_plan", "genogram"] as const
const robin = completeForm("circle-of-support").children[0]!
const ash: ChildDetails = { ...robin, childId: ChildId.make("child-2"), fullName: "Ash Testwood", caseNumber: "ICS-104234" }

const submitAtKnowsley = (overrides: Partial<ReferralForm>) =>
  knowsley.spec
    .given(knowsley.draft({ requestTypes: ["edge_of_care_resource"], ...overrides }, ["referral_form"]))
    .when(knowsley.cmd("socialWorker", { _tag: "Submit" }))

const submitAtNorthSomerset = (overrides: Partial<ReferralForm>) =>
  northSomerset.spec
    .given(northSomerset.draft({ requestTypes: ["edge_of_care_resource"], presentationReasons: [], ...overrides }, nsoPapers))
    .when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))

/** The fields an IncompleteRequest names (fails the test on any other refusal). */
const missingOf = (refusal: ReferralRefusal): IncompleteRequest["missing"] => {
  expect(refusal._tag).toBe("IncompleteRequest")
  return (refusal as IncompleteRequest).missing
}

const without = (child: ChildDetails, ...fields: ReadonlyArray<keyof ChildDetails>): ChildDetails =>
  Object.fromEntries(Object.entries(child).filter(([key]) => !fields.includes(key as keyof ChildDetails))) as ChildDetails

describe("required fields: KNO-6, each child's ICS number, date of birth, gender and status", () => {
  it("KNO-6: a sibling without an ICS number or gender is refused, naming the child and each field, and nothing is recorded", () => {
    const refusal = submitAtKnowsley({ children: [robin, without(ash, "caseNumber", "gender")] }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [
        { field: "case_number", childId: "child-2", ruleId: "KNO-6" },
        { field: "gender", childId: "child-2", ruleId: "KNO-6" }
      ]
    })
    expect(refusal.message).toBe(
      "The request cannot be submitted yet. Please complete: Ash Testwood: case number (ICS, LCS or Mosaic) (KNO-6), gender (KNO-6)."
    )
  })

  it("KNO-6: two children each missing a field are each named", () => {
    const refusal = submitAtKnowsley({ children: [without(robin, "dateOfBirth"), without(ash, "plan")] }).refusal()
    expect(refusal.message).toBe(
      "The request cannot be submitted yet. Please complete: Robin Testwood: date of birth (KNO-6); Ash Testwood: status or plan (EH, FWB, FF, CIN, CP, CLA) (KNO-6)."
    )
  })

  it("KNO-6: with every child's fields the request goes on to the team manager", () => {
    expect(submitAtKnowsley({ children: [robin, ash] }).state()?.status).toBe("awaiting_approval")
  })

  const knowsleyFields: ReadonlyArray<[RequiredChildField, keyof ChildDetails]> = [
    ["case_number", "caseNumber"],
    ["date_of_birth", "dateOfBirth"],
    ["gender", "gender"],
    ["plan", "plan"]
  ]
  test.prop([fc.subarray([...knowsleyFields]), fc.subarray([...knowsleyFields])], { numRuns: 40 })(
    "property: exactly the fields left out, child by child, are the ones named",
    (robinGaps, ashGaps) => {
      const outcome = submitAtKnowsley({
        children: [without(robin, ...robinGaps.map(([, key]) => key)), without(ash, ...ashGaps.map(([, key]) => key))]
      })
      const expected = [
        ...knowsleyFields.filter((pair) => robinGaps.includes(pair)).map(([field]) => ({ field, childId: "child-1" })),
        ...knowsleyFields.filter((pair) => ashGaps.includes(pair)).map(([field]) => ({ field, childId: "child-2" }))
      ]
      if (expected.length === 0) expect(outcome.state()?.status).toBe("awaiting_approval")
      else expect(missingOf(outcome.refusal()).map(({ field, childId }) => ({ field, childId }))).toEqual(expected)
    }
  )
})

describe("required fields: NSO-4 / NSO-5 / NSO-6 at North Somerset", () => {
  it("NSO-5: legal status, ethnicity, addresses and current situation are asked of the request and of each child", () => {
    const refusal = submitAtNorthSomerset({
      currentSituation: " ",
      children: [without(robin, "legalStatus", "ethnicity", "homeAddress")]
    }).refusal()
    expect(refusal.message).toBe(
      "The request cannot be submitted yet. Please complete: current situation (NSO-5); Robin Testwood: legal status (NSO-5), ethnicity (NSO-5), home address (NSO-5)."
    )
  })

  it("NSO-5: a child with an EHC plan needs the dates it was issued and last reviewed; a child without one does not", () => {
    const withPlan = { ...robin, specialEducationalNeeds: true, ehcp: { issued: "2024-09-01" as LocalDate } }
    expect(missingOf(submitAtNorthSomerset({ children: [withPlan] }).refusal())).toEqual([
      { field: "ehcp_dates", label: "when the EHC plan was issued and last reviewed", ruleId: "NSO-5", childId: "child-1" }
    ])
    const reviewed = { ...withPlan, ehcp: { issued: "2024-09-01" as LocalDate, lastReviewed: "2027-03-10" as LocalDate } }
    expect(submitAtNorthSomerset({ children: [reviewed] }).state()?.status).toBe("awaiting_approval")
  })

  it("NSO-5: a looked-after child needs the type of placement and its address; the carer's name only if applicable; a child at home does not", () => {
    const lookedAfter = { ...robin, plan: "CLA" as const, placementType: undefined, placementAddress: " ", carer: undefined }
    expect(missingOf(submitAtNorthSomerset({ children: [lookedAfter] }).refusal())).toEqual([
      { field: "placement", label: "the type of placement and the placement address (a looked-after child)", ruleId: "NSO-5", childId: "child-1" }
    ])
    const placed = { ...lookedAfter, placementType: "Foster care (in-house)", placementAddress: "4 Quarry Lane, Weston Vale" }
    expect(submitAtNorthSomerset({ children: [placed] }).state()?.status).toBe("awaiting_approval")
    expect(submitAtNorthSomerset({ children: [{ ...robin, plan: "CP", placementType: undefined, placementAddress: undefined }] }).state()?.status).toBe("awaiting_approval")
  })

  it("NSO-4: the last review's outcome is needed where a child is on a child in need, protection or looked-after plan, not otherwise", () => {
    const { lastReviewOutcome: _, ...noReview } = completeForm("care-and-resource")
    expect(missingOf(submitAtNorthSomerset({ ...noReview, lastReviewOutcome: undefined }).refusal())).toEqual([
      {
        field: "last_review_outcome",
        label: "the date and outcome of the last child in care, child in need or child protection review",
        ruleId: "NSO-4"
      }
    ])
    expect(submitAtNorthSomerset({ lastReviewOutcome: undefined, children: [{ ...robin, plan: "FWB" }] }).state()?.status).toBe(
      "awaiting_approval"
    )
  })

  it("NSO-6: a placement request needs the child's wishes; an edge-of-care request does not", () => {
    expect(submitAtNorthSomerset({ requestTypes: ["placement_type"], childWishes: undefined }).refusal().message).toBe(
      "The request cannot be submitted yet. Please complete: the child's wishes and feelings (NSO-6)."
    )
    expect(submitAtNorthSomerset({ childWishes: undefined }).state()?.status).toBe("awaiting_approval")
  })
})

describe("required fields: every preset requires only what its seed's form names", () => {
  it("Support Panels, Care Planning and Lincolnshire name no per-child fields on their forms, so none is required", () => {
    for (const slug of ["support-panels", "care-planning", "lincolnshire"] as const) expect(preset(slug).referral.requiredFields).toEqual([])
  })
})
