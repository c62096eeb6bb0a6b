import { Clock, Effect, Schedule } from "effect"
import { expireParked } from "../inbox/deliveries.js"

/** Every `everyMs`: deliveries parked longer than `parkedForMs` become dead (listed for an operator to replay). */
export const sweepParked = (parkedForMs: number, everyMs: number) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const dead = yield* expireParked(new Date(now - parkedForMs).toISOString(), new Date(now).toISOString())
    if (dead > 0) yield* Effect.logWarning("parked deliveries are now dead").pipe(Effect.annotateLogs({ outcome: "dead", count: dead }))
  }).pipe(
    Effect.catchAll(() => Effect.logWarning("the sweep of parked deliveries could not reach the store")),
    Effect.repeat(Schedule.spaced(everyMs))
  )
