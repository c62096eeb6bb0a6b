import { Effect, Random } from "effect"

/** The largest delay after the `attempt`-th failure (1-based): baseMs doubled per further failure, capped at capMs. */
export const backoffCeilingMs = (attempt: number, baseMs: number, capMs: number): number =>
  Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))

/** Full jitter: `u` in [0, 1) picks a whole number of milliseconds in [0, ceilingMs]. */
export const fullJitterMs = (ceilingMs: number, u: number): number =>
  Math.min(ceilingMs, Math.max(0, Math.floor(u * (ceilingMs + 1))))

export interface BackoffSettings {
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/**
 * How long to wait after the `attempt`-th failure: a full-jitter backoff drawn from the `Random` service,
 * and never less than the receiver's Retry-After when it gave one.
 */
export const retryDelayMs = (
  attempt: number,
  settings: BackoffSettings,
  retryAfterMs?: number
): Effect.Effect<number> =>
  Random.next.pipe(
    Effect.map((u) => {
      const jittered = fullJitterMs(backoffCeilingMs(attempt, settings.baseDelayMs, settings.maxDelayMs), u)
      return Math.max(jittered, Math.ceil(retryAfterMs ?? 0))
    })
  )
