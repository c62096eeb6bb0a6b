import { dispatcherConfig, Notifier, Outbox, runDispatcher } from "@carepanel/core"
import { Effect, Layer, Logger, LogLevel } from "effect"
import type { DispatcherSpec, StorePorts } from "../StoreContractOptions.js"

const say = (line: string) => process.stdout.write(`${line}\n`)

/**
 * The child side of the dispatcher tests: runs the core's outbox dispatcher for `spec.channel` over the store
 * `layer` opens until killed. It prints `claimed <id>` for every entry it leases and `delivered <id>` for every delivery (the
 * notifier's whole work is that line; stdout on a pipe is synchronous, so a printed line has left the process).
 */
export const runContractDispatcher = (layer: Layer.Layer<StorePorts, unknown>, spec: DispatcherSpec): Promise<never> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const outbox = yield* Outbox
      const announcing = Outbox.of({
        ...outbox,
        claim: (channel, now, limit, lease) =>
          Effect.tap(outbox.claim(channel, now, limit, lease), (entries) => {
            for (const entry of entries) say(`claimed ${entry.notification.id}`)
          })
      })
      const printing = Notifier.of({ deliver: (notification) => Effect.sync(() => say(`delivered ${notification.id}`)) })
      say("ready")
      return yield* runDispatcher(dispatcherConfig({ channel: spec.channel, intervalMs: 20, batchSize: 5, concurrency: 1, leaseMs: spec.leaseMs })).pipe(
        Effect.provide(Layer.succeed(Outbox, announcing)),
        Effect.provideService(Notifier, printing)
      )
    }).pipe(Effect.provide(layer), Effect.scoped, Logger.withMinimumLogLevel(LogLevel.None))
  )
