import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, Random, TestClock } from "effect"
import { dispatchOnce } from "../../src/outbox/Dispatcher.js"
import { backoffCeilingMs } from "../../src/outbox/backoff.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { DeliveryFailed } from "../../src/ports/Notifier.js"
import { harness, notification, waitOf } from "./harness.js"

const retryable = (message = "receiver answered 500") => Effect.fail(new DeliveryFailed({ message }))
const config = dispatcherConfig({ baseDelayMs: 1_000, maxDelayMs: 8_000, maxAttempts: 10 })
const almostOne = Random.fixed([0.999_999])

describe("dispatchOnce", () => {
  it.effect("delivers a committed notification once and never resends it", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      yield* h.commit(notification("n1"), notification("n2"))
      const report = yield* dispatchOnce(config).pipe(h.provide)
      expect(report).toEqual({ delivered: ["n1", "n2"], retrying: [], dead: [] })
      for (let pass = 0; pass < 3; pass++) {
        yield* TestClock.adjust("1 day")
        expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual([])
      }
      expect(yield* h.calls).toEqual(["n1", "n2"])
      expect((yield* h.entry("n1")).state).toBe("delivered")
    }))

  it.effect("never sends for a command that was rolled back", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      yield* h.append("case-1", 0, [notification("first")])
      const conflict = yield* Effect.flip(h.append("case-1", 0, [notification("rolled-back")]))
      expect(conflict._tag).toBe("ConcurrencyConflict")
      yield* dispatchOnce(config).pipe(h.provide)
      expect(yield* h.calls).toEqual(["first"])
    }))

  it.effect("retries with a backoff that doubles and is capped, with one idempotency key throughout", () =>
    Effect.gen(function* () {
      const h = yield* harness((_, attempt) => (attempt < 7 ? retryable() : Effect.void))
      yield* h.commit(notification("n1"))
      const waits: Array<number> = []
      for (let attempt = 1; attempt < 7; attempt++) {
        expect((yield* dispatchOnce(config).pipe(h.provide)).retrying).toEqual(["n1"])
        const wait = waitOf(yield* h.entry("n1"), yield* Clock.currentTimeMillis)
        waits.push(wait)
        yield* TestClock.adjust(wait)
      }
      expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
      expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual(["n1"])
      const handed = yield* h.handed
      expect(handed).toHaveLength(7)
      for (const n of handed) expect(n).toEqual(notification("n1"))
    }).pipe(Effect.withRandom(almostOne)))

  it.effect("keeps every jittered wait between zero and the attempt's ceiling", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => retryable())
      yield* h.commit(notification("n1"))
      for (let attempt = 1; attempt < 10; attempt++) {
        yield* dispatchOnce(config).pipe(h.provide)
        const entry = yield* h.entry("n1")
        const wait = waitOf(entry, yield* Clock.currentTimeMillis)
        expect(entry.attempts).toBe(attempt)
        expect(wait).toBeGreaterThanOrEqual(0)
        expect(wait).toBeLessThanOrEqual(backoffCeilingMs(attempt, 1_000, 8_000))
        yield* TestClock.adjust(wait)
      }
    }).pipe(Effect.withRandom(Random.make("jitter"))))

  it.effect("waits for a receiver's Retry-After before the next attempt", () =>
    Effect.gen(function* () {
      const h = yield* harness((_, attempt) =>
        attempt === 1 ? Effect.fail(new DeliveryFailed({ message: "busy", retryAfterMs: 60_000 })) : Effect.void
      )
      yield* h.commit(notification("n1"))
      yield* dispatchOnce(config).pipe(h.provide)
      yield* TestClock.adjust(59_999)
      expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual([])
      yield* TestClock.adjust(1)
      expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual(["n1"])
      expect(yield* h.calls).toEqual(["n1", "n1"])
    }).pipe(Effect.withRandom(almostOne)))

  it.effect("moves an entry to the dead letters after maxAttempts", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => retryable())
      yield* h.commit(notification("n1"))
      const deadAfterThree = dispatcherConfig({ baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 3 })
      const reports = []
      for (let pass = 0; pass < 6; pass++) {
        reports.push(yield* dispatchOnce(deadAfterThree).pipe(h.provide))
        yield* TestClock.adjust(100)
      }
      expect(reports.map((r) => r.dead)).toEqual([[], [], ["n1"], [], [], []])
      const entry = yield* h.entry("n1")
      expect(entry).toMatchObject({ state: "dead", attempts: 3 })
      expect(entry.lastError).toBe("receiver answered 500 (gave up after 3 attempts)")
      expect(yield* h.calls).toHaveLength(3)
    }))

  it.effect("moves a permanent failure to the dead letters at once", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.fail(new DeliveryFailed({ message: "410 Gone", permanent: true })))
      yield* h.commit(notification("n1"))
      expect((yield* dispatchOnce(config).pipe(h.provide)).dead).toEqual(["n1"])
      yield* TestClock.adjust("1 day")
      yield* dispatchOnce(config).pipe(h.provide)
      expect(yield* h.entry("n1")).toMatchObject({ state: "dead", attempts: 1, lastError: "410 Gone" })
      expect(yield* h.calls).toEqual(["n1"])
    }))

  it.effect("counts a delivery that hangs past deliveryTimeoutMs, or a crashing notifier, as a retryable failure", () =>
    Effect.gen(function* () {
      const h = yield* harness((n) => (n.id === "hangs" ? Effect.never : Effect.die(new Error("bug in adapter"))))
      yield* h.commit(notification("hangs"), notification("crashes"))
      const fiber = yield* Effect.fork(
        dispatchOnce(dispatcherConfig({ deliveryTimeoutMs: 1_000 })).pipe(h.provide)
      )
      yield* TestClock.adjust(1_000)
      expect((yield* Fiber.join(fiber)).retrying).toEqual(["hangs", "crashes"])
      expect((yield* h.entry("hangs")).lastError).toBe("Delivery did not finish within 1000 ms.")
      expect((yield* h.entry("crashes")).lastError).toBe("The notifier failed unexpectedly: bug in adapter")
    }))

  it.effect("leaves an entry pending and unchanged when interrupted mid-delivery, then delivers it", () =>
    Effect.gen(function* () {
      const h = yield* harness((_, attempt) => (attempt === 1 ? Effect.sleep("10 seconds") : Effect.void))
      yield* h.commit(notification("n1"))
      const fiber = yield* Effect.fork(dispatchOnce(config).pipe(h.provide))
      yield* TestClock.adjust("1 second")
      yield* Fiber.interrupt(fiber)
      expect(yield* h.entry("n1")).toMatchObject({ state: "pending", attempts: 0 })
      expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual(["n1"])
    }))
})
