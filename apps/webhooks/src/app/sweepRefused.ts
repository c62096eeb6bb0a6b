import { eraseSettledBodies } from "@carepanel/store-sql"
import { Clock, Effect, Schedule } from "effect"

const day = 24 * 3_600_000

/**
 * Every `everyMs`: deliveries refused or dead for more than `keepRefusedDays` lose their body and their answer's words
 * (UK GDPR art. 5(1)(e), storage limitation); the row stays, so a repeat of the id is answered and told why.
 */
export const sweepRefused = (keepRefusedDays: number, everyMs: number) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const erased = yield* eraseSettledBodies(new Date(now - keepRefusedDays * day).toISOString(), new Date(now).toISOString(), keepRefusedDays)
    if (erased > 0) yield* Effect.logInfo("refused and dead deliveries past their retention period are erased").pipe(Effect.annotateLogs({ outcome: "erased", count: erased }))
  }).pipe(
    Effect.catchAll(() => Effect.logWarning("the sweep of refused and dead deliveries could not reach the store")),
    Effect.repeat(Schedule.spaced(everyMs))
  )
