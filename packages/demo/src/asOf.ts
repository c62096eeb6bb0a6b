import { DateTime, Effect } from "effect"
import { shiftedClock } from "./shiftedClock.js"

/**
 * Runs an effect as if it were this instant: the seed plays the fictional authority's last weeks through the real
 * use cases, each step at the time it would have happened, so the core's rules (no sitting in the past, no decision
 * before its sitting, deadlines) apply to it as to anyone.
 */
export const asOf =
  (instant: DateTime.Utc) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
    const offsetMs = instant.epochMillis - Date.now()
    return Effect.withClock(effect, shiftedClock(() => offsetMs))
  }

/** `instant` moved by hours (negative: earlier). */
export const hoursFrom = (instant: DateTime.Utc, hours: number): DateTime.Utc => DateTime.add(instant, { hours })
