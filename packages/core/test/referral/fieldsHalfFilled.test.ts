import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { ChildDetails, ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const northSomerset = referralsAt("north-somerset", "care-and-resource")
const robin = completeForm("care-and-resource").children[0]!
const ash: ChildDetails = { ...robin, childId: ChildId.make("child-2"), fullName: "Ash Testwood", caseNumber: "ICS-104234" }

/** Given a North Somerset request with its papers, when the social worker submits it: the gaps the refusal names. */
const gapsOf = (overrides: Partial<ReferralForm>) =>
  northSomerset.spec
    .given(northSomerset.draft({ requestTypes: ["edge_of_care_resource"], presentationReasons: [], ...overrides }, ["assessment", "care_plan", "genogram"]))
    .when(northSomerset.cmd("socialWorker", { _tag: "Submit" }))
    .refusal()

describe("NSO-4, NSO-5, NSO-6: a field half filled in is still missing", () => {
  it("NSO-5: a looked-after child's placement type without the placement's address is refused naming the placement", () => {
    const lookedAfter = { ...robin, plan: "CLA" as const, placementType: "Foster care (in-house)", placementAddress: undefined }
    expect(gapsOf({ children: [lookedAfter] })).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "placement", childId: "child-1", ruleId: "NSO-5" }] })
  })

  it("NSO-5: an EHC plan with the date it was last reviewed but not the date it was issued is refused naming its dates", () => {
    const withPlan = { ...robin, specialEducationalNeeds: true, ehcp: { lastReviewed: "2027-03-10" as LocalDate } }
    expect(gapsOf({ children: [withPlan] })).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "ehcp_dates", childId: "child-1", ruleId: "NSO-5" }] })
  })

  it("NSO-4: for siblings of whom only one is on a child in need plan, the last review's outcome is still asked", () => {
    const siblings = [{ ...robin, plan: "FWB" as const }, { ...ash, plan: "CIN" as const }]
    expect(gapsOf({ children: siblings, lastReviewOutcome: undefined })).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "last_review_outcome", ruleId: "NSO-4" }] })
  })

  it("NSO-6: a request for a placement type and an edge-of-care resource together still needs the child's wishes", () => {
    expect(gapsOf({ requestTypes: ["placement_type", "edge_of_care_resource"], childWishes: undefined }).message).toBe(
      "The request cannot be submitted yet. Please complete: the child's wishes and feelings (NSO-6)."
    )
  })
})
