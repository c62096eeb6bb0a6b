import { AccessLog, PersistenceError, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"
import { exportJWK, generateKeyPair } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultLimits } from "../src/graphql/limits.js"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
let app: TestApp
let token: string

beforeAll(async () => {
  app = await startTestApp([policy])
  token = await tokenFor(app, staff.administrator)
})
afterAll(() => app.close())

const repeat = (n: number, text: string) => Array.from({ length: n }, () => text).join(" ")
const tokens = (values: number) => `{ deadlines(states: [${repeat(values, "overdue")}]) { id } }`
const nested = (fragments: number) => `{ viewer { ${repeat(fragments, "... on Viewer {")} name ${repeat(fragments, "}")} } }`

/** For each limit: a query exactly at the limit and one a step past it (defaults: depth 12, cost 5000, aliases 15, tokens 2000, directives 10). */
const limits = [
  { name: "depth", limit: defaultLimits.maxDepth, at: nested(defaultLimits.maxDepth - 2), over: nested(defaultLimits.maxDepth - 1) },
  // referrals(first: 100) { edges { node { id x k } } } costs 100 * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * k))): 5000 at k = 12.
  { name: "cost", limit: defaultLimits.maxCost, at: `{ referrals(first: 100) { edges { node { ${repeat(12, "id")} } } } }`, over: `{ referrals(first: 100) { edges { node { ${repeat(13, "id")} } } } }` },
  { name: "aliases", limit: defaultLimits.maxAliases, at: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: viewer { name }`).join(" ")} }`, over: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { name }`).join(" ")} }` },
  // { deadlines(states: [overdue x n]) { id } } is 12 + n tokens.
  { name: "tokens", limit: defaultLimits.maxTokens, at: tokens(defaultLimits.maxTokens - 12), over: tokens(defaultLimits.maxTokens - 11) },
  { name: "directives", limit: defaultLimits.maxDirectives, at: `{ viewer { ${repeat(10, "name @include(if: true)")} } }`, over: `{ viewer { ${repeat(11, "name @include(if: true)")} } }` }
]

describe.each(limits)("the $name limit", ({ name, limit, at, over }) => {
  it("lets a query at the limit through", async () => {
    const response = await app.post(token, at)
    expect(response.body.errors, response.text.slice(0, 300)).toBeUndefined()
    expect(response.status).toBe(200)
  })

  it("refuses a query past it, naming the limit and what to do instead", async () => {
    const response = await app.post(token, over)
    expect(response.status).toBe(400)
    expect(response.body.data).toBeUndefined()
    const [error] = response.body.errors
    expect(error.message).toMatch(new RegExp(`^Query refused by the ${name} limit \\(${limit}\\): .+\\. (Ask|Send) `))
    expect(error.message).not.toContain("Syntax Error")
    expect(error.extensions).toMatchObject({ code: "QUERY_REFUSED", limit: name })
    if (name === "cost") expect(error.message).toContain("Ask for lists in pages (first: at most 100, then after: the page's endCursor)")
  })
})

describe("the request body limit (100 kB)", () => {
  const body = (size: number) => {
    const base = JSON.stringify({ query: "{ viewer { name } }", variables: { pad: "" } })
    return JSON.stringify({ query: "{ viewer { name } }", variables: { pad: "x".repeat(size - base.length) } })
  }
  const send = (text: string) =>
    fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: text })

  it("accepts a body of exactly 100 000 bytes and refuses one byte more with 413", async () => {
    expect((await send(body(100_000))).status).toBe(200)
    const refused = await send(body(100_001))
    expect(refused.status).toBe(413)
    expect(refused.headers.get("cache-control")).toBe("no-store")
  })
})

describe("every response", () => {
  it("says Cache-Control: no-store", async () => {
    const responses = await Promise.all([
      app.post(token, "{ viewer { name } }"),
      app.post(undefined, "{ viewer { name } }"),
      app.post(token, "{ nope }"),
      fetch(`${app.url}/nowhere`),
      fetch(`${app.url}/graphql?query=${encodeURIComponent("{ viewer { name } }")}`, { headers: { authorization: `Bearer ${token}` } }),
      fetch(`${app.url}/calendar.ics`, { headers: { authorization: `Bearer ${token}` } })
    ])
    for (const response of responses) expect(response.headers.get("cache-control")).toBe("no-store")
  })
})

describe("an unexpected error", () => {
  it("is masked with a correlation id, the real error in the server log only; a saved change says it was saved", async () => {
    const failing = Layer.succeed(AccessLog, AccessLog.of({
      record: () => Effect.fail(new PersistenceError({ operation: "write access log", message: "SQLITE_FULL: INSERT INTO access_log failed" })),
      forChild: () => Effect.succeed([])
    }))
    const broken = await startTestApp([policy], { accessLog: failing })
    try {
      const worker = await tokenFor(broken, staff.socialWorker)
      const created = await broken.post(worker, mutation("createReferralDraft", onReferral), {
        input: { form: exampleForm(policy.panels[0].id, "s20_accommodation", { id: "mask-child", name: "Harper Lindqvist" }) }
      })
      expect(created.body.data ?? null).toBeNull()
      const [error] = created.body.errors
      expect(error.extensions.code).toBe("RESULT_WITHHELD")
      expect(error.message).toMatch(/^Your change was saved, .* Do not send it again/)
      expect(error.extensions.correlationId).toMatch(/^[0-9a-f-]{36}$/)
      for (const secret of ["SQLITE", "INSERT", "Harper", "stack", "at "]) expect(created.text).not.toContain(secret)
      expect(broken.logs.some((line) => line.includes(error.extensions.correlationId) && line.includes("SQLITE_FULL"))).toBe(true)

      const listed = await broken.post(worker, "query List { referrals { edges { node { id children { fullName } } } } }")
      expect(listed.body.data ?? null).toBeNull()
      // The store failed: its own code, 503, the correlation id, no detail; the detail in the log under that id.
      expect(listed.status).toBe(503)
      expect(listed.body.errors[0].extensions.code).toBe("STORE_FAILED")
      // A query's data withheld (its reads could not be logged) says it could not be read, and nothing of saving.
      expect(listed.body.errors[0].message).toMatch(/^Carepanel's store failed, so this could not be read just now\./)
      expect(listed.body.errors[0].message).not.toMatch(/saved/)
      for (const secret of ["SQLITE", "INSERT", "Harper"]) expect(listed.text).not.toContain(secret)
      expect(broken.logs.some((line) => line.includes(listed.body.errors[0].extensions.correlationId) && line.includes("store failed") && line.includes("SQLITE_FULL"))).toBe(true)
    } finally {
      await broken.close()
    }
  })
})

describe("in production", () => {
  let production: TestApp
  let key: CryptoKey
  beforeAll(async () => {
    const pair = await generateKeyPair("ES256", { extractable: true })
    key = pair.privateKey
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" }
    production = await startTestApp([policy], {
      production: true,
      auth: { lincolnshire: { issuer: "https://idp.example.invalid/", audience: "carepanel", jwks: { keys: [jwk] }, roleClaim: "roles", identityScope: "child.identity.read" } }
    })
  })
  afterAll(() => production.close())

  it("refuses development tokens, introspection and GraphiQL", async () => {
    const dev = await production.token(policy.authority.id, ["panel_administrator"])
    expect((await production.post(dev, "{ viewer { name } }")).status).toBe(401)
    const { SignJWT } = await import("jose")
    const real = await new SignJWT({ roles: ["panel_administrator"], name: "Eden Marsh" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer("https://idp.example.invalid/").setAudience("carepanel").setSubject("eden").setExpirationTime("5m").sign(key)
    expect((await production.post(real, "{ viewer { name } }")).body.data.viewer.name).toBe("Eden Marsh")
    const introspection = await production.post(real, "{ __schema { types { name } } }")
    expect(introspection.status).toBe(400)
    expect(introspection.body.errors[0].message).toMatch(/introspection/i)
    const graphiql = await fetch(`${production.url}/graphql`, { headers: { accept: "text/html" } })
    expect(graphiql.status).toBe(401)
    expect(await graphiql.text()).not.toContain("<html")
  })
})
