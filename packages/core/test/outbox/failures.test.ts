import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Random, TestClock } from "effect"
import { dispatchOnce } from "../../src/outbox/Dispatcher.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { DeliveryFailed } from "../../src/ports/Notifier.js"
import { harness, notification, waitOf } from "./harness.js"

describe("how a failed delivery is recorded", () => {
  it.effect("a notifier crashing with a bare message, or with something that is not an error, is a retryable failure said plainly", () =>
    Effect.gen(function* () {
      const h = yield* harness((n) => (n.id === "says" ? Effect.die("socket closed by peer") : Effect.die({ code: 57 })))
      yield* h.commit(notification("says"), notification("mute"))
      expect((yield* dispatchOnce(dispatcherConfig()).pipe(h.provide)).retrying).toEqual(["says", "mute"])
      expect(yield* h.entry("says")).toMatchObject({ state: "pending", lastError: "The notifier failed unexpectedly: socket closed by peer" })
      expect(yield* h.entry("mute")).toMatchObject({ state: "pending", lastError: "The notifier failed unexpectedly: unknown defect" })
    }))

  it.effect("a permanent refusal on the last allowed attempt is dead with the receiver's own words, not as a give-up", () =>
    Effect.gen(function* () {
      const h = yield* harness((_, attempt) =>
        attempt === 1 ? Effect.fail(new DeliveryFailed({ message: "receiver answered 500" })) : Effect.fail(new DeliveryFailed({ message: "410 Gone", permanent: true }))
      )
      yield* h.commit(notification("n1"))
      const config = dispatcherConfig({ baseDelayMs: 10, maxDelayMs: 10, maxAttempts: 2 })
      expect((yield* dispatchOnce(config).pipe(h.provide)).retrying).toEqual(["n1"])
      yield* TestClock.adjust(10)
      expect((yield* dispatchOnce(config).pipe(h.provide)).dead).toEqual(["n1"])
      expect(yield* h.entry("n1")).toMatchObject({ state: "dead", attempts: 2, lastError: "410 Gone" })
    }))

  it.effect("notifications failing together are retried spread over the window, not all at its end", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.fail(new DeliveryFailed({ message: "receiver answered 503" })))
      yield* h.commit(notification("a"), notification("b"), notification("c"))
      yield* dispatchOnce(dispatcherConfig({ baseDelayMs: 1_000, concurrency: 1 }), "dispatcher-test").pipe(h.provide, Effect.withRandom(Random.fixed([0, 0.5, 0.999_999])))
      const now = yield* Clock.currentTimeMillis
      const waits = [waitOf(yield* h.entry("a"), now), waitOf(yield* h.entry("b"), now), waitOf(yield* h.entry("c"), now)]
      expect(waits).toEqual([0, 500, 1_000])
    }))
})

describe("a dispatcher configuration", () => {
  it("is refused, saying why, when its largest backoff is below its first", () => {
    expect(() => dispatcherConfig({ baseDelayMs: 2_000, maxDelayMs: 1_999 })).toThrow("maxDelayMs must be at least baseDelayMs")
    expect(dispatcherConfig({ baseDelayMs: 2_000, maxDelayMs: 2_000 })).toMatchObject({ baseDelayMs: 2_000, maxDelayMs: 2_000 })
  })

  it("fills in every setting not given", () => {
    expect(dispatcherConfig()).toEqual({
      channel: "email",
      batchSize: 50,
      concurrency: 4,
      intervalMs: 5_000,
      baseDelayMs: 1_000,
      maxDelayMs: 3_600_000,
      maxAttempts: 12,
      deliveryTimeoutMs: 60_000,
      leaseMs: 900_000
    })
  })
})
