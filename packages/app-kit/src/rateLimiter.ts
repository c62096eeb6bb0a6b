/** How many requests one client may make in a window of time. */
export interface RateLimit {
  readonly requests: number
  readonly windowSeconds: number
}

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }

interface Window {
  readonly endsAt: number
  count: number
}

/**
 * Fixed-window counters per client key, in this process's memory (so N processes behind one address admit up to
 * N times the limit: docs/deployment.md). A window starts at a client's first request and lasts `windowSeconds`;
 * the request over the limit is told how many whole seconds remain.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>()
  private nextSweep = 0

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, limit: RateLimit): Admission {
    const now = this.now()
    this.sweep(now)
    let window = this.windows.get(key)
    if (window === undefined || window.endsAt <= now) {
      window = { endsAt: now + limit.windowSeconds * 1000, count: 0 }
      this.windows.set(key, window)
    }
    if (window.count >= limit.requests) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) }
    window.count += 1
    return { ok: true }
  }

  /** Forgets ended windows at most once a second, so memory follows the clients of the last window only. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return
    this.nextSweep = now + 1000
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key)
  }
}
