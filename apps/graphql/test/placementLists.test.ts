import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const knowsley = staffOf(preset("knowsley").authority.id)
const hour = 3_600_000
const iso = (millis: number) => new Date(millis).toISOString()
const carers = [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
const ids = (placements: ReadonlyArray<{ id: string }>) => placements.map((placement) => placement.id).sort()

beforeAll(async () => {
  app = await startTestApp([policy, preset("knowsley")])
})
afterAll(() => app.close())

/** A Lincolnshire placement made an hour ago by the social worker; under police protection since two hours ago when asked. */
const placed = async (childId: string, underPoliceProtection: boolean, people = staff) => {
  const worker = await tokenFor(app, people.socialWorker)
  const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
    input: { childId, wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: underPoliceProtection, wouldSeekLegalAdviceToStartCareProceedings: false }
  })
  const placementId: string = tested.body.data.recordBasicTest.id
  const powers = { placementId, underPoliceProtection, ...(underPoliceProtection ? { since: iso(Date.now() - 2 * hour) } : {}) }
  await app.post(worker, mutation("recordPolicePowers", "... on Placement { id }"), { input: powers })
  const made = await app.post(worker, mutation("recordPlacementMade", "... on Placement { id status }"), { input: { placementId, placedAt: iso(Date.now() - hour), carers } })
  expect(made.body.data.recordPlacementMade, made.text).toMatchObject({ status: "placed" })
  return placementId
}

/** STAT-R25-3's steps, then the head of service (a nominated officer's post) extends, or runs the approval on until a review (STAT-R25-2). */
const extended = async (placementId: string, how: "weeks" | "pendingReview", people = staff) => {
  const worker = await tokenFor(app, people.socialWorker)
  await app.post(worker, mutation("recordPlacementReconsidered", "... on Placement { id }"), {
    input: { placementId, stillMostAppropriate: true, reasons: "Settled with her aunt; the full assessment needs more time" }
  })
  await app.post(worker, mutation("recordFosteringPanelViewsSought", "... on Placement { id }"), { input: { placementId } })
  await app.post(worker, mutation("recordIroInformed", "... on Placement { id }"), { input: { placementId, iroName: "Nadia Quarrie" } })
  const officer = await tokenFor(app, people.headOfService)
  const response =
    how === "weeks"
      ? await app.post(officer, mutation("extendApproval", "... on Placement { id }"), { input: { placementId, weeks: 8 } })
      : await app.post(officer, mutation("extendApprovalPendingReview", "... on Placement { id }"), {
          input: { placementId, fullAssessmentRefused: true, independentReviewSought: true }
        })
  expect(response.body.data, response.text).toMatchObject({ [how === "weeks" ? "extendApproval" : "extendApprovalPendingReview"]: { __typename: "Placement" } })
}

describe("placements by what needs attention over HTTP (STAT-S46, STAT-R25-1, STAT-R25-2)", () => {
  it("docs/api.md's example lists the running placements extended then pending a review, and those under police protection; the filters combine", async () => {
    const quiet = await placed("pl-child-quiet", false)
    const protectedChild = await placed("pl-child-protected", true)
    const pending = await placed("pl-child-pending", false)
    await extended(pending, "pendingReview")
    const extendedOnly = await placed("pl-child-extended", false)
    await extended(extendedOnly, "weeks")
    const both = await placed("pl-child-both", true)
    await extended(both, "weeks")
    await extended(both, "pendingReview")
    const theirs = await placed("pl-child-knowsley", true, knowsley)
    await extended(theirs, "weeks", knowsley)
    await extended(theirs, "pendingReview", knowsley)

    const manager = await tokenFor(app, staff.serviceManager)
    const docs = repositoryFile("docs/api.md")
    const [, prose, example] = /((?:[^\n]+\n)+)\n```graphql\n(query Attention \{[\s\S]*?)```/.exec(docs)!
    expect(prose).toContain("With a `service_manager` token")
    const answered = await app.post(manager, example!)
    expect(answered.body.errors, answered.text).toBeUndefined()
    expect(answered.body.data.pendingReview).toEqual([
      { id: both, childId: "pl-child-both", approvalStanding: "pending_review", approval: { expiresAt: expect.any(String), extendedByWeeks: 8, pendingReview: true } }
    ])
    expect(ids(answered.body.data.underPoliceProtection)).toEqual([both, protectedChild].sort())
    const clock = answered.body.data.underPoliceProtection.find((placement: { id: string }) => placement.id === protectedChild).clocks
    expect(clock).toContainEqual({ ruleId: "STAT-S46", due: expect.any(String), state: "pending" })

    const list = async (args: string) => {
      const response = await app.post(manager, `query { placements(${args}) { id } }`)
      expect(response.body.errors, response.text).toBeUndefined()
      return ids(response.body.data.placements)
    }
    expect(await list("pendingReview: true")).toEqual([both, pending].sort())
    expect(await list("pendingReview: true, extended: false")).toEqual([pending])
    expect(await list("extended: true, underPoliceProtection: false")).toEqual([extendedOnly])
    expect(await list("urgent: true")).toEqual([both, protectedChild].sort())
    expect(await list("urgent: false, extended: false, pendingReview: false")).toEqual([quiet])
    expect(await list('underPoliceProtection: true, childId: "pl-child-protected"')).toEqual([protectedChild])
    expect(await list("underPoliceProtection: true, status: ended")).toEqual([])
    const asVariables = await app.post(manager, "query Q($u: Boolean, $e: Boolean) { placements(urgent: $u, extended: $e) { id } }", { u: true, e: true })
    expect(ids(asVariables.body.data.placements), asVariables.text).toEqual([both])

    // Knowsley's placement, under police protection, extended and pending a review, is in none of Lincolnshire's lists above; Knowsley sees only it.
    const elsewhere = await app.post(await tokenFor(app, knowsley.serviceManager), "query { placements(urgent: true, extended: true, pendingReview: true) { id childId } }")
    expect(elsewhere.body.data.placements, elsewhere.text).toEqual([{ id: theirs, childId: "pl-child-knowsley" }])
  })

  it("a filter that is not a Boolean is refused with words that name it, and nothing is listed", async () => {
    const manager = await tokenFor(app, staff.serviceManager)
    const inline = await app.post(manager, 'query { placements(underPoliceProtection: "yes", extended: true) { id } }')
    expect(inline.body.data, inline.text).toBeUndefined()
    expect(inline.body.errors.map((error: { message: string }) => error.message)).toEqual(['Boolean cannot represent a non boolean value: "yes"'])

    const variable = await app.post(manager, "query Q($p: Boolean) { placements(pendingReview: $p) { id } }", { p: "true" })
    expect(variable.body.data, variable.text).toBeUndefined()
    expect(variable.body.errors.map((error: { message: string }) => error.message)).toEqual([
      'Variable "$p" got invalid value "true"; Boolean cannot represent a non boolean value: "true"'
    ])

    const typed = await app.post(manager, "query Q($p: String) { placements(pendingReview: $p) { id } }", { p: "true" })
    expect(typed.body.errors.map((error: { message: string }) => error.message), typed.text).toEqual([
      'Variable "$p" of type "String" used in position expecting type "Boolean".'
    ])
  })
})
