import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { flushIntervalMs } from "@carepanel/app-kit"
import { untilWindowStarts } from "@carepanel/app-kit/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadDevKeys, signDevToken } from "../../src/auth/devKeys.js"
import { startMain, stop } from "../support/mainJob.js"

/**
 * Issue 14 item 9, across replicas: three API processes (the main job, as `npm start` runs it) started together on one
 * empty SQLite data directory, with small limits, share their counts through the store (docs/deployment.md, "Limits
 * across replicas"). The same start shows that replicas starting together seed the demonstration once.
 */
const limit = 20
const maxSubscriptions = 2
const authorityId = "wexcombe"
const viewer = JSON.stringify({ query: "query Me { viewer { personId } }" })
/** Requests are sent round robin, one every `paceMs`: 20 a second over all three. */
const paceMs = 50
const sent = 3 * limit
/** The documented overshoot: what the client sends, over all replicas, in two flush intervals and one flush (0.5 s). */
const overshoot = 500 / paceMs

const replicas: Array<ReturnType<typeof startMain>> = []
const urls: Array<string> = []
const startOutputs: Array<string> = []
let keys: Awaited<ReturnType<typeof loadDevKeys>>

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-limits-"))
  const env = {
    CAREPANEL_REQUESTS_PER_MINUTE: String(limit),
    CAREPANEL_UNAUTHENTICATED_REQUESTS_PER_MINUTE: String(limit),
    CAREPANEL_MAX_SUBSCRIPTIONS: String(maxSubscriptions)
  }
  replicas.push(startMain(dataDir, env), startMain(dataDir, env), startMain(dataDir, env))
  const printed = await Promise.all(replicas.map((replica) => replica.started))
  startOutputs.push(...printed)
  urls.push(...printed.map((output) => /^Carepanel API for .* at (\S+)\/graphql$/m.exec(output)![1]!))
  keys = await loadDevKeys(dataDir)
}, 180_000)

afterAll(() => Promise.all(replicas.map((replica) => stop(replica.child))), 60_000)

const tokenFor = (personId: string) => signDevToken(keys, { authorityId, roles: ["panel_administrator"], personId, name: personId })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const post = (url: string, token: string | undefined) =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: viewer
  })

/** Sends `sent` requests round robin over the replicas, paced; answers each response's status and Retry-After. */
const burst = async (token: string | undefined) => {
  const answers: Array<Promise<{ readonly status: number; readonly retryAfter: string | null }>> = []
  for (let i = 0; i < sent; i++) {
    const answer = post(urls[i % urls.length]!, token).then(async (response) => {
      await response.text()
      return { status: response.status, retryAfter: response.headers.get("retry-after") }
    })
    answers.push(answer)
    await sleep(paceMs)
  }
  return Promise.all(answers)
}

describe("limits hold across three API replicas on one store", () => {
  it(`${limit} requests a minute per subject and per address: at most ${limit} + ${overshoot} admitted over all three, not 3 x ${limit}; 429 says Retry-After; another subject is unaffected`, async () => {
    // Windows are aligned to the minute; start the bursts early in one so that they do not straddle two.
    if (60_000 - (Date.now() % 60_000) < 6_000) await untilWindowStarts(60)
    const [eden, fern] = await Promise.all([tokenFor("eden-marsh"), tokenFor("fern-calloway")])
    const [signedIn, anonymous] = await Promise.all([burst(eden), burst(undefined)])
    const admitted = signedIn.filter((answer) => answer.status === 200).length
    const admittedWithoutToken = anonymous.filter((answer) => answer.status === 401).length
    console.info(`admitted over 3 replicas, limit ${limit}: ${admitted} for one subject, ${admittedWithoutToken} without a token (of ${sent} each)`)
    for (const answers of [signedIn, anonymous]) {
      const refused = answers.filter((answer) => answer.status === 429)
      expect(refused.length + answers.filter((answer) => answer.status !== 429).length).toBe(sent)
      for (const { retryAfter } of refused) expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
      for (const { retryAfter } of refused) expect(Number(retryAfter)).toBeLessThanOrEqual(60)
    }
    for (const count of [admitted, admittedWithoutToken]) {
      expect(count).toBeGreaterThanOrEqual(limit)
      expect(count).toBeLessThanOrEqual(limit + overshoot)
    }
    for (const url of urls) expect((await post(url, fern)).status).toBe(200)
  }, 60_000)

  /** Opens a subscription over SSE at `url`; resolves once the replica has answered (200 with a stream, or a refusal). */
  const subscribe = async (url: string, token: string) => {
    const controller = new AbortController()
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream", "content-type": "application/json" },
      body: JSON.stringify({ query: "subscription Decisions { decisionRecorded { position } }" }),
      signal: controller.signal
    })
    return { status: response.status, body: response.status === 429 ? await response.json() : undefined, close: () => controller.abort() }
  }
  /**
   * Subscribes at `url` until the replica answers `status`, for at most 10 s: a replica learns the others' counts at
   * its next flushes (every 200 ms; later on a loaded machine). A stream opened on the way is closed at once. The
   * waits double from one flush interval to 2 s: each try is a request of the subject's 20 a minute, and on a loaded
   * machine tries every 200 ms spent them before the counts arrived (RATE_LIMITED where TOO_MANY_SUBSCRIPTIONS was
   * awaited). `tried` lists every answer with its time, so that a failure says what the replica answered meanwhile.
   */
  const subscribeUntil = async (url: string, token: string, status: number) => {
    const started = Date.now()
    const tried: Array<string> = []
    for (let wait = flushIntervalMs; ; wait = Math.min(2 * wait, 2_000)) {
      const attempt = await subscribe(url, token)
      tried.push(`${attempt.status}${attempt.body === undefined ? "" : ` ${attempt.body.errors?.[0]?.extensions?.code}`} at ${Date.now() - started} ms`)
      if (attempt.status === status || Date.now() - started > 10_000) return { ...attempt, tried: tried.join(", ") }
      attempt.close()
      await sleep(wait)
    }
  }

  it(`at most ${maxSubscriptions} open subscriptions per subject over all the replicas; closing one frees its place elsewhere`, async () => {
    const [a, b, c] = urls as [string, string, string]
    const [hazel, iris] = await Promise.all([tokenFor("hazel-penrose"), tokenFor("iris-lindqvist")])
    const first = await subscribe(a, hazel)
    const second = await subscribe(b, hazel)
    expect([first.status, second.status]).toEqual([200, 200])
    const third = await subscribeUntil(c, hazel, 429)
    expect(third.status, third.tried).toBe(429)
    expect(third.body.errors[0].extensions.code).toBe("TOO_MANY_SUBSCRIPTIONS")
    const other = await subscribe(c, iris)
    expect(other.status).toBe(200)
    first.close()
    const again = await subscribeUntil(c, hazel, 200)
    expect(again.status, again.tried).toBe(200)
    for (const stream of [second, other, again]) stream.close()
  }, 60_000)
})

describe("three API replicas started together on one empty store", () => {
  it("seed the demonstration authority once and make one sitting under way between them", async () => {
    expect(startOutputs.filter((output) => /^Seeded /m.test(output))).toHaveLength(1)
    const underWay = startOutputs.map((output) => /^A sitting is under way: .* \((sit_[\w-]+)\)/m.exec(output)?.[1])
    expect(new Set(underWay).size, startOutputs.join("\n---\n")).toBe(1)
    const token = await signDevToken(keys, { authorityId, roles: ["panel_administrator"], personId: "seed-check", name: "Seed Check" })
    const response = await fetch(`${urls[0]}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ referrals(first: 100) { edges { node { id } } } placements { id } }" })
    })
    const { data } = (await response.json()) as { data: { referrals: { edges: Array<unknown> }; placements: Array<unknown> } }
    expect(data.referrals.edges.length).toBe(8 + 2)
    expect(data.placements.length).toBe(1)
  })
})
