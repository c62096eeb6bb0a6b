import { londonDateOf, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { DateTime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { run, tokenFor } from "./support/scenario.js"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const [firstType, secondType] = policy.referral.inScope.requestTypes as unknown as [string, string]
const created: Array<{ id: string; childId: string; requestType: string }> = []

beforeAll(async () => {
  app = await startTestApp([policy])
  for (let i = 0; i < 7; i++) {
    const requestType = i % 2 === 0 ? firstType : secondType
    const child = { id: `list-child-${i}`, name: `Fictional Child ${i}` }
    const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: exampleForm(policy.panels[0].id, requestType as never, child) })
    created.push({ id: draft.id, childId: child.id, requestType })
  }
  await run(app, staff.socialWorker, "withdrawReferral", onReferral, { referralId: created[6]!.id, reason: "Made in error" })
})
afterAll(() => app.close())

const referrals = `query List($first: Int, $after: String, $last: Int, $status: ReferralStatus, $childId: ID, $requestType: RequestType, $createdOn: Date, $createdFrom: Date, $createdTo: Date) {
  referrals(first: $first, after: $after, last: $last, status: $status, childId: $childId, requestType: $requestType, createdOn: $createdOn, createdFrom: $createdFrom, createdTo: $createdTo) {
    edges { cursor node { id status requestTypes children { childId } } }
    pageInfo { hasNextPage endCursor }
  }
}`

const list = async (variables: Record<string, unknown>) => {
  const response = await app.post(await tokenFor(app, staff.administrator), referrals, variables)
  return response.body
}

const idsOf = (body: any): string[] => body.data.referrals.edges.map((edge: { node: { id: string } }) => edge.node.id)

describe("referrals, a page at a time", () => {
  it("walks every request once, oldest first, following endCursor", async () => {
    const seen: string[] = []
    let after: string | undefined
    for (;;) {
      const body = await list({ first: 3, ...(after === undefined ? {} : { after }) })
      seen.push(...idsOf(body))
      if (!body.data.referrals.pageInfo.hasNextPage) break
      after = body.data.referrals.pageInfo.endCursor
    }
    expect(seen).toEqual(created.map((referral) => referral.id))
  })

  it("filters by status, child, request type and London creation date", async () => {
    expect(idsOf(await list({ status: "withdrawn" }))).toEqual([created[6]!.id])
    expect(idsOf(await list({ status: "draft" }))).toEqual(created.slice(0, 6).map((referral) => referral.id))
    expect(idsOf(await list({ childId: "list-child-3" }))).toEqual([created[3]!.id])
    expect(idsOf(await list({ requestType: secondType }))).toEqual(created.filter((referral) => referral.requestType === secondType).map((referral) => referral.id))
    const today = londonDateOf(DateTime.unsafeNow())
    expect(idsOf(await list({ createdOn: today, first: 100 }))).toHaveLength(7)
    expect(idsOf(await list({ createdFrom: today, createdTo: today, first: 100 }))).toHaveLength(7)
    expect(idsOf(await list({ createdTo: "2020-01-01" }))).toEqual([])
  })

  it("refuses page arguments it cannot honour, naming the argument, instead of an unexpected error", async () => {
    for (const [variables, path] of [
      [{ first: 101 }, "first"],
      [{ first: -1 }, "first"],
      [{ last: 2 }, "last"],
      [{ after: "not-a-cursor!" }, "after"],
      [{ createdFrom: "31/12/2027" }, "createdFrom"]
    ] as const) {
      const body = await list(variables)
      expect(body.data?.referrals ?? null, JSON.stringify(variables)).toBeNull()
      expect(body.errors[0].extensions.code).toBe("InvalidInput")
      expect(body.errors[0].message).toContain(path)
      expect(body.errors[0].message).not.toContain("Unexpected")
      expect(body.errors[0].message).toMatch(/^Please correct: /) // a read saves nothing, so it does not say "Nothing was saved"
    }
  })
})
