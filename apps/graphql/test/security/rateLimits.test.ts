import { untilWindowStarts } from "@carepanel/app-kit/testing"
import { preset } from "@carepanel/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configFromEnv } from "../../src/app/config.js"
import { authConfigFromEnv } from "../../src/auth/authConfig.js"
import { clientLimitsOf, defaultClientLimits } from "../../src/http/clientLimits.js"
import { startProductionApp } from "../support/productionApp.js"

const policy = preset("lincolnshire")
const viewer = "query Me { viewer { personId } }"
// Windows of 2 s, aligned to the epoch (every replica counts the same window): each burst starts as one begins.
const tokenLimit = { requests: 3, windowSeconds: 2 }
const addressLimit = { requests: 2, windowSeconds: 2 }

type App = Awaited<ReturnType<typeof startProductionApp>>
let limited: App
let streaming: App

beforeAll(async () => {
  // Per-caller limits come from the authority's CAREPANEL_AUTH entry; the per-address one from the server's settings.
  limited = await startProductionApp([policy], { rateLimit: tokenLimit }, { clientDefaults: { ...defaultClientLimits, unauthenticated: addressLimit } })
  streaming = await startProductionApp([policy], { rateLimit: { requests: 100, windowSeconds: 60 }, maxSubscriptions: 2 })
})
afterAll(() => Promise.all([limited.close(), streaming.close()]))

const tokenOf = (app: App, subject: string) => app.sign({ roles: ["panel_administrator"] }, (jwt) => jwt.setSubject(subject).setExpirationTime("5m"))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const expectTooMany = (response: { status: number; headers: Headers; body: any }, code: string) => {
  expect(response.status).toBe(429)
  expect(response.body.errors[0].extensions.code).toBe(code)
}

describe("per-client rate limits (issue 14, item 9)", () => {
  it("the request over a token subject's limit gets 429 with Retry-After; another subject is unaffected; after the window it works again", async () => {
    const [eden, fern] = await Promise.all([tokenOf(limited, "eden"), tokenOf(limited, "fern")])
    await untilWindowStarts(tokenLimit.windowSeconds)
    for (let i = 0; i < tokenLimit.requests; i++) expect((await limited.post(eden, viewer)).status).toBe(200)
    const over = await limited.post(eden, viewer)
    expectTooMany(over, "RATE_LIMITED")
    const retryAfter = Number(over.headers.get("retry-after"))
    expect([1, 2]).toContain(retryAfter)
    expect(over.body.errors[0].message).toBe(`Too many requests for this token's subject: try again in ${retryAfter} s.`)
    const other = await limited.post(fern, viewer)
    expect(other.status).toBe(200)
    expect(other.body.data.viewer.personId).toBe("fern")
    await sleep(retryAfter * 1000 + 50)
    expect((await limited.post(eden, viewer)).status).toBe(200)
  })

  it("requests without a valid token are counted per address; signed-in callers from that address are not", async () => {
    const gale = await tokenOf(limited, "gale")
    await untilWindowStarts(addressLimit.windowSeconds)
    for (let i = 0; i < addressLimit.requests; i++) expect((await limited.post("not-a-token", viewer)).status).toBe(401)
    const over = await limited.post(undefined, viewer)
    expectTooMany(over, "RATE_LIMITED")
    expect([1, 2]).toContain(Number(over.headers.get("retry-after")))
    expect((await limited.post(gale, viewer)).status).toBe(200)
    await sleep(Number(over.headers.get("retry-after")) * 1000 + 50)
    expect((await limited.post(undefined, viewer)).status).toBe(401)
  })

  it("the settings: per authority in CAREPANEL_AUTH, the defaults and the per-address limit from the environment", () => {
    const entry = { issuer: "https://idp.example.invalid/", audience: "carepanel", jwksUrl: "https://idp.example.invalid/keys" }
    const auth = authConfigFromEnv(JSON.stringify({ a: { ...entry, rateLimit: { requests: 50, windowSeconds: 10 }, maxSubscriptions: 3 }, b: { ...entry, audience: "other" } }))
    const limits = clientLimitsOf(auth, configFromEnv({ CAREPANEL_REQUESTS_PER_MINUTE: "120", CAREPANEL_MAX_SUBSCRIPTIONS: "4", CAREPANEL_UNAUTHENTICATED_REQUESTS_PER_MINUTE: "30" }).clientDefaults)
    expect(limits.forAuthority("a")).toEqual({ rate: { requests: 50, windowSeconds: 10 }, maxSubscriptions: 3 })
    expect(limits.forAuthority("b")).toEqual({ rate: { requests: 120, windowSeconds: 60 }, maxSubscriptions: 4 })
    expect(limits.unauthenticated).toEqual({ requests: 30, windowSeconds: 60 })
    expect(configFromEnv({}).clientDefaults).toEqual(defaultClientLimits)
    expect(() => authConfigFromEnv(JSON.stringify({ a: { ...entry, rateLimit: { requests: 0, windowSeconds: 10 } } }))).toThrow(/CAREPANEL_AUTH: a\.rateLimit\.requests/)
  })
})

/** Opens a subscription over SSE; resolves once the server has answered (200 with a stream, or a refusal). */
const subscribe = async (app: App, token: string) => {
  const controller = new AbortController()
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream", "content-type": "application/json" },
    body: JSON.stringify({ query: "subscription Decisions { decisionRecorded { position } }" }),
    signal: controller.signal
  })
  return { response, close: () => controller.abort() }
}

describe("concurrent subscriptions per subject", () => {
  it("the one over the cap is refused with a clear error; another subject may open one; closing one frees its place", async () => {
    const [hazel, iris] = await Promise.all([tokenOf(streaming, "hazel"), tokenOf(streaming, "iris")])
    const open = [await subscribe(streaming, hazel), await subscribe(streaming, hazel)]
    for (const stream of open) expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const third = await subscribe(streaming, hazel)
    expect(third.response.status).toBe(429)
    const refusal = (await third.response.json()) as any
    expect(refusal.errors[0]).toEqual({
      message: "This token's subject already has 2 subscriptions open, the most this API allows: close one before opening another.",
      extensions: { code: "TOO_MANY_SUBSCRIPTIONS" }
    })
    const other = await subscribe(streaming, iris)
    expect(other.response.status).toBe(200)
    open[0]!.close()
    let again = await subscribe(streaming, hazel)
    for (let tries = 0; again.response.status === 429 && tries < 50; tries++) {
      await sleep(20)
      again = await subscribe(streaming, hazel)
    }
    expect(again.response.status).toBe(200)
    for (const stream of [open[1]!, other, again]) stream.close()
  })
})
