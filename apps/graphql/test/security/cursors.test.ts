import { preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { onReferral } from "../support/documents.js"
import { startTestApp, type TestApp } from "../support/harness.js"
import { run, tokenFor } from "../support/scenario.js"

let app: TestApp
let token: string
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const ids: Array<string> = []

beforeAll(async () => {
  app = await startTestApp([policy])
  token = await tokenFor(app, staff.socialWorker)
  for (let i = 0; i < 3; i++) {
    const child = { id: `cursor-child-${i}`, name: `Fictional Child ${i}` }
    const requestType = policy.referral.inScope.requestTypes[0] as never
    ids.push((await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: exampleForm(policy.panels[0].id, requestType, child) })).id)
  }
})
afterAll(() => app.close())

const page = (variables: Record<string, unknown>) =>
  app.post(token, "query($first: Int, $after: String) { referrals(first: $first, after: $after) { edges { cursor node { id } } pageInfo { endCursor } } }", variables)

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url")

describe("cursors the API did not issue", () => {
  it("answer InvalidInput on after, whatever they decode to", async () => {
    const issued = (await page({ first: 1 })).body.data.referrals.pageInfo.endCursor as string
    const [, tag] = issued.split(".")
    const forged = [
      "AAAA",
      "AA",
      base64url(ids[1]!),
      `${base64url(ids[1]!)}.${tag}`,
      `${base64url(ids[0]!)}.${tag}x`,
      `${base64url(ids[0]!)}.${"A".repeat(tag?.length ?? 22)}`,
      `${issued}.${tag}`,
      ".",
      issued.toUpperCase()
    ]
    for (const after of forged) {
      const response = await page({ first: 2, after })
      expect(response.body.data?.referrals ?? null, after).toBeNull()
      expect(response.body.errors[0].extensions.code, after).toBe("InvalidInput")
      expect(response.body.errors[0].message).toMatch(/after/)
    }
  })

  it("and the cursors it did issue walk every record once", async () => {
    const seen: Array<string> = []
    let after: string | undefined
    for (;;) {
      const response = await page({ first: 1, ...(after === undefined ? {} : { after }) })
      const edges = response.body.data.referrals.edges as ReadonlyArray<{ node: { id: string } }>
      if (edges.length === 0) break
      seen.push(...edges.map((edge) => edge.node.id))
      after = response.body.data.referrals.pageInfo.endCursor
    }
    expect(seen).toEqual(ids)
  })
})

describe("the cursor key", () => {
  it("comes from CAREPANEL_CURSOR_KEY, at least 32 characters; a cursor signed under another key is refused", async () => {
    const { configFromEnv } = await import("../../src/app/config.js")
    expect(() => configFromEnv({ CAREPANEL_CURSOR_KEY: "too short" })).toThrow(/CAREPANEL_CURSOR_KEY: must be at least 32 characters/)
    const { cursorKey } = configFromEnv({ CAREPANEL_CURSOR_KEY: "k".repeat(32) })
    expect(cursorKey).toBe("k".repeat(32))
    const { cursorOf, idOfCursor, useCursorKey } = await import("../../src/graphql/cursors.js")
    useCursorKey("a".repeat(32))
    const underA = cursorOf(ids[0]!)
    useCursorKey("b".repeat(32))
    expect(idOfCursor(underA)).toBeUndefined()
    expect(idOfCursor(cursorOf(ids[0]!))).toBe(ids[0])
    useCursorKey("a".repeat(32))
    expect(idOfCursor(underA)).toBe(ids[0])
  })

  it("is required in production: without it each replica would sign with its own random key and refuse the others' cursors", async () => {
    const { configFromEnv } = await import("../../src/app/config.js")
    const auth = JSON.stringify({ wexcombe: { issuer: "https://login.wexcombe.example/v2.0", audience: "carepanel", jwksUrl: "https://login.wexcombe.example/keys" } })
    const production = { NODE_ENV: "production", CAREPANEL_AUTH: auth }
    for (const unset of [{}, { CAREPANEL_CURSOR_KEY: " " }]) {
      expect(() => configFromEnv({ ...production, ...unset })).toThrow(/^CAREPANEL_CURSOR_KEY: must be set in production, the same on every API replica/)
    }
    expect(configFromEnv({ ...production, CAREPANEL_CURSOR_KEY: "k".repeat(32) }).cursorKey).toBe("k".repeat(32))
    expect(configFromEnv({}).cursorKey).toBeUndefined()
  })
})
