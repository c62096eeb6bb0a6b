import { dispatcherConfig, Notifier, Outbox, runDispatcher } from "@carepanel/core"
import { makeInMemoryStore } from "@carepanel/core/testing"
import { describe, expect, it } from "@effect/vitest"
import { Context, Duration, Effect, Fiber, Logger, LogLevel, Random, Schedule } from "effect"
import { makeWebhookNotifier } from "../src/WebhookNotifier.js"
import { authorityId, notification, settingsFor } from "./fixtures.js"
import { newSecret, receiver } from "./receiver.js"

/** A small seeded generator, so the receiver fails the same requests on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}

const NOTIFICATIONS = 60
const PER_COMMAND = 3

describe("outbox dispatcher with webhooks, a flaky receiver and kills", () => {
  it.live(
    "delivers every notification at least once and invents none, with 30% failures and the dispatcher killed mid-run",
    () =>
      Effect.gen(function* () {
        const random = seeded(20_270_604)
        const secret = newSecret()
        const server = yield* receiver(secret, () =>
          random() < 0.3 ? { status: random() < 0.5 ? 500 : 503, delayMs: 2 } : { status: 204, delayMs: Math.floor(random() * 15) }
        )
        const store = yield* makeInMemoryStore
        const ids = Array.from({ length: NOTIFICATIONS }, (_, i) => `chaos-${i}`)
        for (let k = 0; k < NOTIFICATIONS / PER_COMMAND; k++) {
          yield* store.eventStore.append({
            stream: { authorityId, streamType: "referral", id: `referral-${k}` },
            expectedVersion: 0,
            events: [{ type: "ReferralSubmitted", data: {} }],
            readModels: [],
            notifications: ids.slice(k * PER_COMMAND, (k + 1) * PER_COMMAND).map(notification)
          })
        }
        const context = Context.make(Outbox, store.outbox).pipe(
          Context.add(Notifier, makeWebhookNotifier(settingsFor(server.url, [secret])))
        )
        const config = dispatcherConfig({ channel: "webhook", intervalMs: 5, baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 1_000, batchSize: 7, concurrency: 3 })
        const pending = Effect.map(
          Effect.forEach(ids, (id) => store.outbox.get("webhook", id)),
          (entries) => entries.filter((entry) => entry?.state !== "delivered").length
        )

        // Each run is killed a random 0-30 ms after it has delivered at least one more notification, so the runs
        // make progress however slow the machine is, and the kills still land mid-batch and mid-request.
        const deliveredSomethingSince = (before: number) =>
          pending.pipe(
            Effect.repeat({ until: (left) => left < before, schedule: Schedule.spaced(Duration.millis(5)) }),
            Effect.timeout(Duration.seconds(5)),
            Effect.ignore
          )
        let runs = 0
        let killedWithWorkLeft = 0
        while ((yield* pending) > 0 && runs < 300) {
          const before = yield* pending
          const dispatcher = yield* Effect.fork(runDispatcher(config).pipe(Effect.provide(context), Logger.withMinimumLogLevel(LogLevel.Error)))
          yield* deliveredSomethingSince(before)
          yield* Effect.sleep(Duration.millis(Math.floor(random() * 30)))
          if ((yield* pending) > 0) killedWithWorkLeft++
          yield* Fiber.interrupt(dispatcher)
          runs++
        }

        const accepted = server.received.filter((r) => r.status >= 200 && r.status < 300).map((r) => String(r.headers["webhook-id"]))
        const failed = server.received.filter((r) => r.status >= 500).length
        expect(yield* pending).toBe(0)
        expect(new Set(accepted)).toEqual(new Set(ids))
        expect(server.received.every((r) => r.verified && ids.includes(String(r.headers["webhook-id"])))).toBe(true)
        expect(failed / server.received.length).toBeGreaterThan(0.15)
        expect(killedWithWorkLeft).toBeGreaterThan(0)
        yield* Effect.log(
          `${runs} dispatcher runs (${killedWithWorkLeft} killed with work left), ${server.received.length} requests, ` +
            `${failed} failed by the receiver, ${accepted.length - ids.length} duplicates accepted`
        )
      }).pipe(Effect.scoped, Effect.withRandom(Random.make("chaos"))),
    60_000
  )
})
