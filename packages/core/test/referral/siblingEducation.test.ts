import { describe, expect, it } from "@effect/vitest"
import type { ChildDetails } from "../../src/referral/ReferralForm.js"
import { ChildId } from "../../src/shared/ids.js"
import { completeForm } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

const knowsley = referralsAt("knowsley", "circle-of-support")
const robin = completeForm("circle-of-support").children[0]!
const sibling = (education: Partial<ChildDetails>): ChildDetails => ({
  childId: ChildId.make("child-2"),
  fullName: "Ash Testwood",
  // KNO-6's other fields for each child, so that only education is in question here.
  caseNumber: "ICS-104234",
  dateOfBirth: robin.dateOfBirth!,
  gender: "male",
  plan: "CIN",
  disabled: false,
  unaccompaniedAsylumSeeking: false,
  ...education
})

/** Given a Knowsley request for Robin and a sibling, with Robin's education recorded, when the social worker submits it. */
const submitWithSibling = (education: Partial<ChildDetails>) =>
  knowsley.spec
    .given(knowsley.draft({ requestTypes: ["edge_of_care_resource"], children: [robin, sibling(education)] }, ["referral_form"]))
    .when(knowsley.cmd("socialWorker", { _tag: "Submit" }))

describe("referral: education for each child of a sibling group (Knowsley's form)", () => {
  it("one child's education details do not answer for a sibling whose are not recorded", () => {
    expect(submitWithSibling({}).refusal()).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "education", label: "special educational needs and education for each child" }]
    })
  })

  it("a sibling with special educational needs recorded but not whether they engage in education is still missing", () => {
    expect(submitWithSibling({ specialEducationalNeeds: true }).refusal()).toMatchObject({ missing: [{ field: "education" }] })
    expect(submitWithSibling({ engagingInEducation: false }).refusal()).toMatchObject({ missing: [{ field: "education" }] })
  })

  it("once both are recorded for every child, the request goes to the team manager for approval", () => {
    expect(submitWithSibling({ specialEducationalNeeds: false, engagingInEducation: false }).state()?.status).toBe("awaiting_approval")
  })
})
