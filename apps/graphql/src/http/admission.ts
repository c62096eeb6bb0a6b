import type { Caller } from "../auth/claims.js"
import type { ClientLimits } from "./clientLimits.js"
import { randomUUID } from "node:crypto"
import { atMostEvery, type Admission as Taken, flushEvery, flushIntervalMs, RateLimiter, StreamCap, type StreamCapTiming, defaultStreamCapTiming } from "@carepanel/app-kit"
import type { RateCounters } from "@carepanel/core"

/** A 429 to send instead of serving the request. */
export interface Refusal {
  readonly code: "RATE_LIMITED" | "TOO_MANY_SUBSCRIPTIONS"
  readonly message: string
  readonly headers: Readonly<Record<string, string>>
}

const refusedFor = (taken: Taken, who: string): Refusal | undefined =>
  taken.ok
    ? undefined
    : {
        code: "RATE_LIMITED",
        message: `Too many requests ${who}: try again in ${taken.retryAfterSeconds} s.`,
        headers: { "Retry-After": String(taken.retryAfterSeconds) }
      }

const subjectOf = (caller: Caller) => `${caller.actor.authorityId} ${caller.actor.personId}`

/**
 * Per-client rate limits and the cap on open subscriptions, counted across every process on the store: each
 * process counts here and shares its counts every `flushIntervalMs` (docs/deployment.md, "Limits across replicas").
 */
export class Admission {
  private readonly rates: RateLimiter
  private readonly streams: StreamCap
  private readonly stopFlushing: () => void

  constructor(
    private readonly limits: ClientLimits,
    counters: RateCounters["Type"],
    warn: (message: string) => void,
    timing: StreamCapTiming = defaultStreamCapTiming
  ) {
    const warnOnce = atMostEvery(60_000, warn)
    this.rates = new RateLimiter(counters, warnOnce)
    this.streams = new StreamCap(counters, randomUUID(), warnOnce, timing)
    this.stopFlushing = flushEvery(flushIntervalMs, () => Promise.all([this.rates.flush(), this.streams.flush()]).then(() => undefined))
  }

  /** Stops sharing and withdraws this process's open streams from the count. */
  close(): Promise<void> {
    this.stopFlushing()
    return this.streams.close()
  }

  /** A request without a valid token, counted against its IP address (so one office's staff, signed in, never share a count). */
  unauthenticated(address: string | undefined): Refusal | undefined {
    return refusedFor(this.rates.take(`ip ${address ?? "unknown"}`, this.limits.unauthenticated), "without a valid token from this address")
  }

  /** A request with a valid token, counted against its subject within its authority. */
  caller(caller: Caller): Refusal | undefined {
    return refusedFor(this.rates.take(`subject ${subjectOf(caller)}`, this.limits.forAuthority(caller.actor.authorityId).rate), "for this token's subject")
  }

  /** Opens an event stream for the caller: its release function, or the refusal when the caller has the most open already. */
  openStream(caller: Caller): { readonly release: () => void } | Refusal {
    const max = this.limits.forAuthority(caller.actor.authorityId).maxSubscriptions
    const release = this.streams.open(subjectOf(caller), max)
    if (release !== undefined) return { release }
    return {
      code: "TOO_MANY_SUBSCRIPTIONS",
      message: `This token's subject already has ${max} subscriptions open, the most this API allows: close one before opening another.`,
      headers: {}
    }
  }
}
