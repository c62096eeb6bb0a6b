import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Fiber, Logger, LogLevel, Ref, TestClock } from "effect"
import { runDispatcher } from "../../src/outbox/Dispatcher.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { PersistenceError } from "../../src/shared/errors.js"
import { harness, notification } from "./harness.js"

const config = dispatcherConfig({ intervalMs: 1_000, batchSize: 2 })

describe("runDispatcher", () => {
  it.effect("drains a backlog larger than a batch at once, then picks up new commits each interval", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      yield* h.commit(...["a", "b", "c", "d", "e"].map(notification))
      const fiber = yield* Effect.fork(runDispatcher(config).pipe(h.provide))
      yield* TestClock.adjust(0)
      expect(yield* h.calls).toEqual(["a", "b", "c", "d", "e"])
      yield* h.commit(notification("f"))
      yield* TestClock.adjust(999)
      expect(yield* h.calls).toHaveLength(5)
      yield* TestClock.adjust(1)
      expect(yield* h.calls).toEqual(["a", "b", "c", "d", "e", "f"])
      yield* Fiber.interrupt(fiber)
    }))

  it.effect("keeps running when the store fails, and delivers once it is back", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      yield* h.commit(notification("n1"))
      const failuresLeft = yield* Ref.make(2)
      const flaky = Outbox.of({
        ...h.store.outbox,
        claim: (channel, now, limit, lease) =>
          Ref.getAndUpdate(failuresLeft, (n) => n - 1).pipe(
            Effect.flatMap((n) =>
              n > 0
                ? Effect.fail(new PersistenceError({ operation: "claim outbox entries", message: "database is locked" }))
                : h.store.outbox.claim(channel, now, limit, lease)
            )
          )
      })
      const context = Context.add(h.context, Outbox, flaky)
      const fiber = yield* Effect.fork(runDispatcher(config).pipe(Effect.provide(context), Logger.withMinimumLogLevel(LogLevel.None)))
      yield* TestClock.adjust(1_000)
      expect(yield* h.calls).toEqual([])
      yield* TestClock.adjust(1_000)
      expect(yield* h.calls).toEqual(["n1"])
      yield* Fiber.interrupt(fiber)
    }))
})
