import { preset } from "@carepanel/core"
import { serverAudits } from "graphql-http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"

let app: TestApp
let token: string
beforeAll(async () => {
  app = await startTestApp([preset("north-somerset")])
  token = await app.token("north-somerset", ["panel_administrator"])
})
afterAll(() => app.close())

const get = (query: string, accept = "application/graphql-response+json") =>
  fetch(`${app.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}`, accept } })

const post = (body: string, accept: string, contentType = "application/json") =>
  fetch(`${app.url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${token}`, accept, "content-type": contentType }, body })

describe("GraphQL over HTTP", () => {
  it("answers a query sent with GET", async () => {
    const response = await get("{ viewer { roles } }")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/)
    expect(await response.json()).toEqual({ data: { viewer: { roles: ["panel_administrator"] } } })
  })

  it("refuses a mutation sent with GET with 405 and Allow: POST", async () => {
    const response = await get('mutation { submitReferral(input: { referralId: "ref_1" }) { __typename } }')
    expect(response.status).toBe(405)
    expect(response.headers.get("allow")).toMatch(/POST/)
  })

  it("answers in the media type asked for", async () => {
    const query = JSON.stringify({ query: "{ viewer { name } }" })
    expect((await post(query, "application/json")).headers.get("content-type")).toMatch(/^application\/json/)
    expect((await post(query, "application/graphql-response+json")).headers.get("content-type")).toMatch(/^application\/graphql-response\+json/)
    expect((await post(query, "application/graphql-response+json, application/json;q=0.9")).headers.get("content-type")).toMatch(/^application\/graphql-response\+json/)
  })

  it("uses 4xx for parse and validation errors in application/graphql-response+json, 200 in application/json", async () => {
    for (const query of ["{ viewer { ", "{ viewer { nonsense } }"]) {
      const body = JSON.stringify({ query })
      const strict = await post(body, "application/graphql-response+json")
      expect(strict.status).toBe(400)
      expect((await strict.json()).data).toBeUndefined()
      expect((await post(body, "application/json")).status).toBe(200)
    }
  })

  it("refuses a body that is not JSON and a missing query", async () => {
    expect((await post("{not json", "application/graphql-response+json")).status).toBe(400)
    expect((await post(JSON.stringify({}), "application/graphql-response+json")).status).toBe(400)
  })

  it("answers /health without a token, for load balancers", async () => {
    const response = await fetch(`${app.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: "ok" })
  })

  it("refuses an unsupported media type for the request body", async () => {
    expect((await post(JSON.stringify({ query: "{ viewer { name } }" }), "application/json", "text/plain")).status).toBeGreaterThanOrEqual(400)
  })
})

/** The GraphQL over HTTP spec's own audit suite (graphql-http), sent with the caller's token. */
describe("the graphql-http audit suite", () => {
  const withToken = (input: RequestInfo | URL, init: RequestInit = {}) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), authorization: `Bearer ${token}` } })
  const audits = () => serverAudits({ url: () => `${app.url}/graphql`, fetchFn: withToken })

  it.each(serverAudits({ url: "http://unused" }).filter((audit) => audit.name.startsWith("MUST")).map((audit) => [audit.name, audit.id] as const))(
    "%s",
    async (_name, id) => {
      const result = await audits().find((audit) => audit.id === id)!.fn()
      expect(result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`).toBe("ok")
    }
  )

  it("passes every SHOULD audit too", async () => {
    const results = await Promise.all(audits().filter((audit) => audit.name.startsWith("SHOULD")).map(async (audit) => ({ name: audit.name, result: await audit.fn() })))
    const failed = results.filter(({ result }) => result.status !== "ok").map(({ name, result }) => `${name}: ${result.status === "ok" ? "" : result.reason}`)
    expect(failed).toEqual([])
  })
})
