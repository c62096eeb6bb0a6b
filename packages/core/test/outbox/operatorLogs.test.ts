import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Fiber, Random, TestClock } from "effect"
import { dispatchOnce, runDispatcher } from "../../src/outbox/Dispatcher.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { DeliveryFailed } from "../../src/ports/Notifier.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { PersistenceError } from "../../src/shared/errors.js"
import { harness, keptLogs, notification } from "./harness.js"

const almostOne = Random.fixed([0.999_999])

describe("what an operator reads in the dispatcher's logs", () => {
  it.effect("a failed delivery to be retried: a warning naming the notification, channel, attempt, error and wait", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.fail(new DeliveryFailed({ message: "receiver answered 503" })))
      const logs = keptLogs()
      yield* h.commit(notification("n1"))
      yield* dispatchOnce(dispatcherConfig({ baseDelayMs: 2_000, maxDelayMs: 8_000 })).pipe(Effect.provide(h.context), Effect.provide(logs.layer))
      expect(logs.lines).toEqual([
        {
          level: "WARN",
          message: "Notification delivery will be retried",
          annotations: { notificationId: "n1", channel: "email", attempts: 1, error: "receiver answered 503", retryInMs: 2_000 }
        }
      ])
    }).pipe(Effect.withRandom(almostOne)))

  it.effect("a notification given up on: a warning that it moved to the dead letters, with why", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.fail(new DeliveryFailed({ message: "receiver answered 500" })))
      const logs = keptLogs()
      yield* h.commit(notification("n1"))
      yield* dispatchOnce(dispatcherConfig({ maxAttempts: 1 })).pipe(Effect.provide(h.context), Effect.provide(logs.layer))
      expect(logs.lines).toEqual([
        {
          level: "WARN",
          message: "Notification moved to dead letters",
          annotations: { notificationId: "n1", channel: "email", attempts: 1, error: "receiver answered 500 (gave up after 1 attempts)", retryInMs: 0 }
        }
      ])
    }))

  it.effect("a failing store: an error naming the channel, what the dispatcher was doing and the store's message", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      const logs = keptLogs()
      const broken = Outbox.of({
        ...h.store.outbox,
        claim: () => Effect.fail(new PersistenceError({ operation: "claim outbox entries", message: "database is locked" }))
      })
      const fiber = yield* Effect.fork(
        runDispatcher(dispatcherConfig({ channel: "webhook", intervalMs: 1_000 })).pipe(
          Effect.provide(Context.add(h.context, Outbox, broken)),
          Effect.provide(logs.layer)
        )
      )
      yield* TestClock.adjust(0)
      yield* Fiber.interrupt(fiber)
      expect(logs.lines).toEqual([
        {
          level: "ERROR",
          message: "Outbox dispatch failed; trying again next interval",
          annotations: { channel: "webhook", operation: "claim outbox entries", error: "database is locked" }
        }
      ])
    }))
})
