import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, Random, TestClock } from "effect"
import { dispatchOnce, runDispatcher } from "../../src/outbox/Dispatcher.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { DeliveryFailed } from "../../src/ports/Notifier.js"
import { harness, notification } from "./harness.js"

/** The draws that name a dispatcher "dispatcher-001abeef0002ffff". */
const drawsForOwner = Random.fixed([0x1a, 0xbeef, 0x2, 0xffff])

describe("who holds a notification while it is delivered", () => {
  it.effect("the entry names the dispatcher holding it until its lease ends; no other dispatcher sends it before then", () =>
    Effect.gen(function* () {
      // The first two attempts never finish (a receiver that hangs, a dispatcher killed mid-delivery).
      const h = yield* harness((_, attempt) => (attempt <= 2 ? Effect.never : Effect.void))
      const config = dispatcherConfig({ leaseMs: 60_000, deliveryTimeoutMs: 10 * 60_000 })
      yield* h.commit(notification("n1"))
      const start = yield* Clock.currentTimeMillis
      const first = yield* Effect.fork(dispatchOnce(config).pipe(h.provide, Effect.withRandom(drawsForOwner)))
      yield* TestClock.adjust(0)
      expect((yield* h.entry("n1")).lease).toEqual({ owner: "dispatcher-001abeef0002ffff", until: new Date(start + 60_000).toISOString() })

      // Another dispatcher on the same store, just before the lease ends: nothing to claim.
      yield* TestClock.adjust(59_999)
      expect(yield* dispatchOnce(config, "dispatcher-night").pipe(h.provide)).toEqual({ delivered: [], retrying: [], dead: [] })
      expect(yield* h.calls).toEqual(["n1"])

      // Once it has ended, the other dispatcher takes it over, under its own name.
      yield* TestClock.adjust(1)
      const second = yield* Effect.fork(dispatchOnce(config, "dispatcher-night").pipe(h.provide))
      yield* TestClock.adjust(0)
      expect(yield* h.calls).toEqual(["n1", "n1"])
      expect((yield* h.entry("n1")).lease).toEqual({ owner: "dispatcher-night", until: new Date(start + 120_000).toISOString() })

      // Stopping it hands the entry back at once, unchanged: the next pass delivers it.
      yield* Fiber.interrupt(second)
      expect(yield* h.entry("n1")).toMatchObject({ state: "pending", attempts: 0 })
      expect((yield* dispatchOnce(config).pipe(h.provide)).delivered).toEqual(["n1"])
      yield* Fiber.interrupt(first)
    }))

  it.effect("two dispatchers started apart get different names", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.never)
      yield* h.commit(notification("n1"), notification("n2"))
      const config = dispatcherConfig({ batchSize: 1 })
      const a = yield* Effect.fork(dispatchOnce(config).pipe(h.provide))
      const b = yield* Effect.fork(dispatchOnce(config).pipe(h.provide))
      yield* TestClock.adjust(0)
      const owners = [(yield* h.entry("n1")).lease?.owner, (yield* h.entry("n2")).lease?.owner]
      for (const owner of owners) expect(owner).toMatch(/^dispatcher-[0-9a-f]{16}$/)
      expect(owners[0]).not.toBe(owners[1])
      yield* Fiber.interrupt(a)
      yield* Fiber.interrupt(b)
    }))
})

describe("how fast a pass gets through its batch", () => {
  it.effect("delivers `concurrency` notifications at once: with 2, the third starts only when one of the first two is done", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.sleep("10 seconds"))
      yield* h.commit(...["a", "b", "c", "d"].map(notification))
      const pass = yield* Effect.fork(dispatchOnce(dispatcherConfig({ concurrency: 2 })).pipe(h.provide))
      yield* TestClock.adjust(0)
      expect(yield* h.calls).toEqual(["a", "b"])
      yield* TestClock.adjust("10 seconds")
      expect(yield* h.calls).toEqual(["a", "b", "c", "d"])
      yield* TestClock.adjust("10 seconds")
      expect((yield* Fiber.join(pass)).delivered).toEqual(["a", "b", "c", "d"])
    }))

  it.effect("drains a backlog at once even when some of a full batch fail, and leaves the failures to their own time", () =>
    Effect.gen(function* () {
      const h = yield* harness((n) =>
        n.id === "a"
          ? Effect.fail(new DeliveryFailed({ message: "410 Gone", permanent: true }))
          : n.id === "b" || n.id === "d"
            ? Effect.fail(new DeliveryFailed({ message: "receiver answered 500" }))
            : Effect.void
      )
      yield* h.commit(...["a", "b", "c", "d", "e", "f", "g"].map(notification))
      const config = dispatcherConfig({ batchSize: 2, intervalMs: 60_000, baseDelayMs: 30_000, maxDelayMs: 30_000 })
      const fiber = yield* Effect.fork(runDispatcher(config).pipe(h.provide, Effect.withRandom(Random.fixed([0.999_999]))))
      yield* TestClock.adjust(0)
      // Passes of [a dead, b retrying], [c delivered, d retrying], [e, f], [g]: all seven tried without waiting.
      expect(yield* h.calls).toEqual(["a", "b", "c", "d", "e", "f", "g"])
      expect(yield* h.entry("a")).toMatchObject({ state: "dead", attempts: 1 })
      expect(yield* h.entry("d")).toMatchObject({ state: "pending", attempts: 1 })
      yield* Fiber.interrupt(fiber)
    }))
})
