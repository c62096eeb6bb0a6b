import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, TestClock } from "effect"
import { dispatchOnce } from "../../src/outbox/Dispatcher.js"
import { dispatcherConfig } from "../../src/outbox/DispatcherConfig.js"
import { DeliveryFailed, Notifier } from "../../src/ports/Notifier.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { harness, notification } from "./harness.js"

const email = dispatcherConfig({ channel: "email", baseDelayMs: 1_000, maxDelayMs: 1_000, maxAttempts: 3 })
const webhook = dispatcherConfig({ channel: "webhook", baseDelayMs: 1_000, maxDelayMs: 1_000, maxAttempts: 3 })

describe("one delivery per channel", () => {
  it.effect("delivers each notification once by email and once by webhook, each by its own dispatcher", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.void)
      const webhookCalls: Array<string> = []
      const webhookContext = Context.add(h.context, Notifier, Notifier.of({ deliver: (n) => Effect.sync(() => webhookCalls.push(n.id)) }))
      yield* h.commit(notification("n1"), notification("n2"))
      expect((yield* dispatchOnce(email).pipe(h.provide)).delivered).toEqual(["n1", "n2"])
      expect((yield* dispatchOnce(webhook).pipe(Effect.provide(webhookContext))).delivered).toEqual(["n1", "n2"])
      yield* TestClock.adjust("1 day")
      expect((yield* dispatchOnce(email).pipe(h.provide)).delivered).toEqual([])
      expect((yield* dispatchOnce(webhook).pipe(Effect.provide(webhookContext))).delivered).toEqual([])
      expect(yield* h.calls).toEqual(["n1", "n2"])
      expect(webhookCalls).toEqual(["n1", "n2"])
    }))

  it.effect("a channel that keeps failing dies alone: the other channel's delivery and attempts are untouched", () =>
    Effect.gen(function* () {
      const h = yield* harness(() => Effect.fail(new DeliveryFailed({ message: "SMTP 451" })))
      const webhookContext = Context.add(h.context, Notifier, Notifier.of({ deliver: () => Effect.void }))
      yield* h.commit(notification("n1"))
      for (let attempt = 0; attempt < 3; attempt++) {
        yield* dispatchOnce(email).pipe(h.provide)
        yield* TestClock.adjust("1 hour")
      }
      const outbox = h.store.outbox
      expect(yield* outbox.get("email", "n1")).toMatchObject({ channel: "email", state: "dead", attempts: 3 })
      expect(yield* outbox.get("webhook", "n1")).toMatchObject({ channel: "webhook", state: "pending", attempts: 0 })
      expect((yield* dispatchOnce(webhook).pipe(Effect.provide(webhookContext))).delivered).toEqual(["n1"])
      expect(yield* outbox.get("webhook", "n1")).toMatchObject({ state: "delivered", attempts: 1 })
      expect(yield* outbox.get("email", "n1")).toMatchObject({ state: "dead", attempts: 3, lastError: "SMTP 451 (gave up after 3 attempts)" })
      expect(yield* Effect.flatMap(Outbox, (o) => o.due("email", "9999-01-01T00:00:00.000Z", 10)).pipe(Effect.provide(h.context))).toEqual([])
    }))
})
