/**
 * Child process for the dispatcher crash test: runs the core's outbox dispatcher over the SQLite store named
 * by CAREPANEL_DATA_DIR, delivering each notification as an HTTP POST to RECEIVER_URL, until it is killed.
 */
import { DeliveryFailed, dispatcherConfig, Notifier, runDispatcher } from "@carepanel/core"
import { Effect, Layer, Logger, LogLevel } from "effect"
import { SqliteStoreLayer } from "../../src/index.js"

const receiver = process.env.RECEIVER_URL ?? ""

const PostingNotifier = Layer.succeed(
  Notifier,
  Notifier.of({
    deliver: (notification) =>
      Effect.tryPromise({
        try: () => fetch(receiver, { method: "POST", headers: { "x-notification-id": notification.id }, body: notification.headline }),
        catch: () => new DeliveryFailed({ message: "receiver unreachable" })
      }).pipe(
        Effect.flatMap((response) =>
          response.ok ? Effect.void : Effect.fail(new DeliveryFailed({ message: `receiver answered ${response.status}` }))
        )
      )
  })
)

const config = dispatcherConfig({ intervalMs: 20, baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 1_000, concurrency: 4, batchSize: 10, leaseMs: 1_000 })
// "started" once the store is open, so that the test's kill lands while notifications are being delivered.
const announced = Effect.sync(() => process.stdout.write("started\n"))
await Effect.runPromise(
  Effect.zipRight(announced, runDispatcher(config)).pipe(
    Effect.provide(Layer.merge(PostingNotifier, SqliteStoreLayer({}))),
    Logger.withMinimumLogLevel(LogLevel.None)
  )
)
