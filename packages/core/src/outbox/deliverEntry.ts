import { Clock, Duration, Effect } from "effect"
import { DeliveryFailed, Notifier } from "../ports/Notifier.js"
import { Outbox, type OutboxEntry } from "../ports/Outbox.js"
import { retryDelayMs } from "./backoff.js"
import type { DispatcherConfig } from "./DispatcherConfig.js"

export type DeliveryOutcome = "delivered" | "retrying" | "dead"

const describeDefect = (defect: unknown): string =>
  defect instanceof Error ? defect.message : typeof defect === "string" ? defect : "unknown defect"

/** Hands one notification to the notifier, with a time limit; a crash of the notifier counts as a failure. */
const attemptDelivery = (entry: OutboxEntry, config: DispatcherConfig) =>
  Effect.flatMap(Notifier, (notifier) => notifier.deliver(entry.notification)).pipe(
    Effect.timeoutFail({
      duration: Duration.millis(config.deliveryTimeoutMs),
      onTimeout: () =>
        new DeliveryFailed({ message: `Delivery did not finish within ${config.deliveryTimeoutMs} ms.` })
    }),
    Effect.catchAllDefect((defect) =>
      Effect.fail(new DeliveryFailed({ message: `The notifier failed unexpectedly: ${describeDefect(defect)}` }))
    ),
    Effect.either
  )

/** Records a failed attempt: retried after a jittered backoff (no earlier than Retry-After), or dead. */
const recordFailure = (entry: OutboxEntry, failure: DeliveryFailed, config: DispatcherConfig) =>
  Effect.gen(function* () {
    const attempts = entry.attempts + 1
    const gaveUp = failure.permanent !== true && attempts >= config.maxAttempts
    const dead = failure.permanent === true || gaveUp
    const now = yield* Clock.currentTimeMillis
    const delay = dead ? 0 : yield* retryDelayMs(attempts, config, failure.retryAfterMs)
    const error = gaveUp ? `${failure.message} (gave up after ${attempts} attempts)` : failure.message
    yield* (yield* Outbox).markFailed(entry.channel, entry.notification.id, {
      error,
      nextAttemptAt: new Date(now + delay).toISOString(),
      dead
    })
    yield* Effect.logWarning(dead ? "Notification moved to dead letters" : "Notification delivery will be retried").pipe(
      Effect.annotateLogs({ notificationId: entry.notification.id, channel: entry.channel, attempts, error, retryInMs: delay })
    )
    return dead ? ("dead" as const) : ("retrying" as const)
  })

/**
 * One delivery attempt of one outbox entry, passing the notification (its id is the idempotency key) to the
 * notifier. Interruption can only land while the notifier works: once it has answered, the outcome is
 * always recorded, so a graceful stop never causes a resend. A hard kill between the two still can: that is
 * the at-least-once part, and why receivers deduplicate by id.
 */
export const deliverEntry = (entry: OutboxEntry, config: DispatcherConfig) =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(restore(attemptDelivery(entry, config)), (result) =>
      result._tag === "Right"
        ? Effect.as(
            Effect.flatMap(Outbox, (outbox) => outbox.markDelivered(entry.channel, entry.notification.id)),
            "delivered" as const
          )
        : recordFailure(entry, result.left, config)
    )
  )
