import type { RateCounters } from "@carepanel/core"
import { Effect, Exit } from "effect"
import { failureMessage } from "./failureMessage.js"

/** How many requests one client may make in a window of time. */
export interface RateLimit {
  readonly requests: number
  readonly windowSeconds: number
}

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }

interface Window {
  readonly key: string
  readonly endsAt: number
  /** Every process's total as the store last answered it (this process's flushed requests included). */
  shared: number
  /** Admitted here and being written now. */
  flushing: number
  /** Admitted here since the last flush began. */
  pending: number
}

/**
 * Fixed-window request counts per client key, shared by every process on the store (docs/deployment.md, "Limits
 * across replicas"). Windows are aligned to the epoch, so every process counts the same window. A request is
 * admitted while the store's last known total plus what this process admitted since is under the limit; `flush`
 * (a few times a second) adds this process's requests to the store and reads the totals back, so no request waits
 * for a write. When the store cannot be reached the requests stay counted here, and the limit holds per process.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>()
  private flushingNow = false

  constructor(
    private readonly counters: RateCounters["Type"],
    private readonly onStoreError: (message: string) => void,
    private readonly now: () => number = Date.now
  ) {}

  take(key: string, limit: RateLimit): Admission {
    const now = this.now()
    const windowMs = limit.windowSeconds * 1000
    const endsAt = (Math.floor(now / windowMs) + 1) * windowMs
    const id = `${key} per ${limit.windowSeconds} s`
    let window = this.windows.get(id)
    if (window === undefined || window.endsAt !== endsAt) {
      window = { key: id, endsAt, shared: 0, flushing: 0, pending: 0 }
      this.windows.set(id, window)
    }
    if (window.shared + window.flushing + window.pending >= limit.requests) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) }
    window.pending += 1
    return { ok: true }
  }

  /** Adds this process's requests since the last flush to the store, one statement per key, and reads back each total. */
  async flush(): Promise<void> {
    if (this.flushingNow) return
    const now = this.now()
    for (const [id, window] of this.windows) if (window.endsAt <= now) this.windows.delete(id)
    const due = [...this.windows.values()].filter((window) => window.pending > 0)
    if (due.length === 0) return
    this.flushingNow = true
    for (const window of due) {
      window.flushing = window.pending
      window.pending = 0
    }
    const counts = due.map((window) => ({ key: window.key, windowEndsAt: window.endsAt, delta: window.flushing }))
    const totals = await Effect.runPromiseExit(this.counters.addRequests(counts, now))
    due.forEach((window, i) => {
      if (Exit.isSuccess(totals)) window.shared = totals.value[i]!
      else window.pending += window.flushing
      window.flushing = 0
    })
    this.flushingNow = false
    if (Exit.isFailure(totals)) this.onStoreError(`Request counts could not be shared (${failureMessage(totals.cause)}); each process limits on its own until the store answers.`)
  }
}
