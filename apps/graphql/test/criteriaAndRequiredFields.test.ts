import { preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { run, tokenFor } from "./support/scenario.js"

const policy = preset("north-somerset")
const staff = staffOf(policy.authority.id)
const panelId = policy.panels[0].id
const complete = exampleForm(panelId, "expenditure", { id: "facts-child", name: "Jordan Pellow" })
const { ethnicity: _ethnicity, gender: _gender, ...childWithoutTwoFields } = complete.children[0]!
const onReferral = "... on Referral { id status criteria { ruleId level explanation } parentalHistory { kind date } children { planStarted } }"
const onIncomplete = "... on IncompleteRequest { message missing { name label ruleId childId } }"

let app: TestApp
let referralId: string

beforeAll(async () => {
  app = await startTestApp([policy])
  const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, {
    form: { ...complete, annualCostPence: 150_000, presentationReasons: [], children: [childWithoutTwoFields] }
  })
  referralId = draft.id
  for (const [i, { kind }] of policy.referral.requiredDocuments.entries()) {
    await run(app, staff.socialWorker, "recordReferralDocument", onReferral, { referralId, document: { documentId: `facts-doc-${i}`, kind, title: kind } })
  }
})
afterAll(() => app.close())

describe("API: required fields per child and criteria from facts (issue 13, items 9 and 10)", () => {
  it("NSO-5: submitting without a child's gender and ethnicity is refused naming the child and each field, and the request stays a draft", async () => {
    const response = await app.post(await tokenFor(app, staff.socialWorker), mutation("submitReferral", onIncomplete), { input: { referralId } })
    const payload = response.body.data.submitReferral
    expect(payload.__typename).toBe("IncompleteRequest")
    expect(payload.message).toBe("The request cannot be submitted yet. Please complete: Jordan Pellow: gender (NSO-5), ethnicity (NSO-5).")
    expect(payload.missing).toEqual([
      { name: "gender", label: "gender", ruleId: "NSO-5", childId: "facts-child" },
      { name: "ethnicity", label: "ethnicity", ruleId: "NSO-5", childId: "facts-child" }
    ])
    const stillDraft = await app.post(await tokenFor(app, staff.socialWorker), `query { referral(id: "${referralId}") { ... on Referral { status } } }`)
    expect(stillDraft.body.data.referral.status).toBe("draft")
  })

  it("NSO-6: completed, the request records the expenditure criterion with its arithmetic; the facts read back as given", async () => {
    await run(app, staff.socialWorker, "editReferralDraft", onReferral, {
      referralId,
      form: {
        ...complete,
        annualCostPence: 150_000,
        presentationReasons: [],
        parentalHistory: [{ parent: "Casey Pellow", kind: "criminal_conviction", date: "2020-02-03", detail: "Theft" }]
      }
    })
    const submitted = await run(app, staff.socialWorker, "submitReferral", onReferral, { referralId })
    expect(submitted.criteria).toEqual([
      { ruleId: "NSO-6", level: "must", explanation: "NSO-6: expenditure of GBP 1,500.00 a year is over the threshold of GBP 1,000.00 a year" }
    ])
    expect(submitted.parentalHistory).toEqual([{ kind: "criminal_conviction", date: "2020-02-03" }])
    expect(submitted.children).toEqual([{ planStarted: complete.children[0]!.planStarted }])
  })
})
