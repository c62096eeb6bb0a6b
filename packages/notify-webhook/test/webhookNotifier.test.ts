import { describe, expect, it } from "@effect/vitest"
import { AuthorityId } from "@carepanel/core"
import { Effect, Redacted } from "effect"
import { Webhook } from "standardwebhooks"
import { makeWebhookNotifier } from "../src/WebhookNotifier.js"
import { authorityId, notification, outcome, settingsFor } from "./fixtures.js"
import { type Answer, closedPort, newSecret, receiver } from "./receiver.js"

const deliverTo = (url: string, secrets: ReadonlyArray<string>, options = {}) =>
  outcome(makeWebhookNotifier(settingsFor(url, secrets, options)).deliver(notification()))

describe("webhook notifier against a real HTTP receiver", () => {
  it.scopedLive("sends a Standard Webhook the official library verifies, with the notification id as webhook-id", () =>
    Effect.gen(function* () {
      const secret = newSecret()
      const server = yield* receiver(secret)
      expect(yield* deliverTo(server.url, [secret])).toBeUndefined()
      const [request] = server.received
      expect(request?.verified).toBe(true)
      expect(request?.headers["webhook-id"]).toBe("ref_42:ready:2027-06-01T08:00:00.000Z:panel_administrator")
      expect(request?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
      expect(request?.headers["content-type"]).toBe("application/json")
      const timestamp = Number(request?.headers["webhook-timestamp"])
      expect(Math.abs(timestamp - Date.now() / 1_000)).toBeLessThan(5)
      const body = JSON.parse(request?.body ?? "{}")
      expect(Math.floor(Date.parse(body.timestamp) / 1_000)).toBe(timestamp)
      expect(body).toEqual({
        type: "referral.ready",
        timestamp: expect.any(String),
        data: {
          notificationId: "ref_42:ready:2027-06-01T08:00:00.000Z:panel_administrator",
          authorityId: "north-somerset",
          headline: "Panel request for child child-1 (an edge-of-care resource) is complete and approved, ready for a sitting",
          actBy: notification().actBy,
          recipients: [{ type: "role", role: "panel_administrator" }],
          facts: { referralId: "ref_42", childIds: "child-1" }
        }
      })
      expect(request?.body).not.toContain("Robin")
    }))

  it.scopedLive("signs with every secret during a key rotation, so a receiver knowing either one verifies", () =>
    Effect.gen(function* () {
      const [oldSecret, newOne] = [newSecret(), newSecret()]
      const knowsNew = yield* receiver(newOne)
      const knowsOld = yield* receiver(oldSecret)
      const knowsNeither = yield* receiver(newSecret())
      expect(yield* deliverTo(knowsNew.url, [newOne, oldSecret])).toBeUndefined()
      expect(yield* deliverTo(knowsOld.url, [newOne, oldSecret])).toBeUndefined()
      const refused = yield* deliverTo(knowsNeither.url, [newOne, oldSecret])
      expect(refused).toMatchObject({ permanent: true, message: expect.stringContaining("answered 401") })
      const request = knowsNew.received[0]
      const signatures = String(request?.headers["webhook-signature"]).split(" ")
      expect(signatures).toHaveLength(2)
      for (const [i, secret] of [newOne, oldSecret].entries()) {
        const alone = {
          "webhook-id": String(request?.headers["webhook-id"]),
          "webhook-timestamp": String(request?.headers["webhook-timestamp"]),
          "webhook-signature": signatures[i] ?? ""
        }
        expect(() => new Webhook(secret).verify(request?.body ?? "", alone)).not.toThrow()
      }
      expect([knowsNew, knowsOld].map((r) => r.received[0]?.verified)).toEqual([true, true])
    }))

  it.scopedLive("maps answers: 410 and other 4xx permanent, 408, 5xx retried, Retry-After read on 429 and 503", () =>
    Effect.gen(function* () {
      const secret = newSecret()
      const inOneMinute = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 60_000).toUTCString()
      const answers: ReadonlyArray<Answer> = [
        { status: 200 },
        { status: 410 },
        { status: 400 },
        { status: 302, headers: { location: "https://elsewhere.example/" } },
        { status: 408 },
        { status: 500 },
        { status: 429, headers: { "retry-after": "7" } },
        { status: 503, headers: { "retry-after": inOneMinute } },
        { status: 503 }
      ]
      const server = yield* receiver(secret, ({ n }) => answers[n] ?? { status: 500 })
      const results = []
      for (const _ of answers) results.push(yield* deliverTo(server.url, [secret]))
      const origin = `http://127.0.0.1:${server.port}`
      expect(results.map((r) => r && [r.permanent ?? false, r.retryAfterMs !== undefined])).toEqual([
        undefined,
        [true, false],
        [true, false],
        [true, false],
        [false, false],
        [false, false],
        [false, true],
        [false, true],
        [false, false]
      ])
      expect(results[1]?.message).toBe(`The webhook endpoint ${origin} answered 410 (Gone): it no longer takes these webhooks.`)
      expect(results[3]?.message).toContain("webhooks do not follow redirects")
      expect(results[6]).toMatchObject({ retryAfterMs: 7_000, message: `The webhook endpoint ${origin} answered 429, asking to retry after 7 s.` })
      expect(results[7]?.retryAfterMs).toBeGreaterThan(55_000)
      expect(results[7]?.retryAfterMs).toBeLessThanOrEqual(61_000)
    }))

  it.scopedLive("gives up on a request after the timeout, retryably", () =>
    Effect.gen(function* () {
      const secret = newSecret()
      const server = yield* receiver(secret, () => ({ status: 200, delayMs: 2_000 }))
      const failure = yield* deliverTo(server.url, [secret], { timeoutMs: 200 })
      expect(failure).toEqual(
        expect.objectContaining({ message: `The webhook endpoint http://127.0.0.1:${server.port} did not answer within 200 ms.` })
      )
      expect(failure?.permanent).toBeUndefined()
    }))

  it.scopedLive("says it cannot reach an endpoint that is not listening, retryably and without a stack trace", () =>
    Effect.gen(function* () {
      const port = yield* closedPort
      const failure = yield* deliverTo(`http://127.0.0.1:${port}/carepanel`, [newSecret()])
      expect(failure).toMatchObject({
        message: `Cannot reach the webhook endpoint http://127.0.0.1:${port} for north-somerset (connection refused).`
      })
      expect(failure?.permanent).toBeUndefined()
    }))

  it.scopedLive("routes each authority's notifications to its own endpoint, signed with its own secret, and no other", () =>
    Effect.gen(function* () {
      const [northSecret, lincsSecret] = [newSecret(), newSecret()]
      const north = yield* receiver(northSecret)
      const lincs = yield* receiver(lincsSecret)
      const lincolnshire = AuthorityId.make("lincolnshire")
      const endpoint = (url: string, secret: string) => ({ url, secrets: [Redacted.make(secret)] as const, allowPrivateNetwork: true })
      const notifier = makeWebhookNotifier({
        endpoints: { [authorityId]: endpoint(north.url, northSecret), [lincolnshire]: endpoint(lincs.url, lincsSecret) },
        timeoutMs: 5_000
      })
      for (const n of [notification("north-1"), { ...notification("lincs-1"), authorityId: lincolnshire }, notification("north-2")]) {
        expect(yield* outcome(notifier.deliver(n))).toBeUndefined()
      }
      const seen = (server: typeof north) => server.received.map((r) => [r.headers["webhook-id"], r.verified, JSON.parse(r.body).data.authorityId])
      expect(seen(north)).toEqual([
        ["north-1", true, "north-somerset"],
        ["north-2", true, "north-somerset"]
      ])
      expect(seen(lincs)).toEqual([["lincs-1", true, "lincolnshire"]])
    }))

  it.effect("fails permanently for an authority without an endpoint", () =>
    Effect.gen(function* () {
      const failure = yield* outcome(
        makeWebhookNotifier({ endpoints: {}, timeoutMs: 1_000 }).deliver(notification())
      )
      expect(failure).toMatchObject({
        permanent: true,
        message: "No webhook endpoint is configured for authority north-somerset (WEBHOOK_ENDPOINTS)."
      })
    }))
})
