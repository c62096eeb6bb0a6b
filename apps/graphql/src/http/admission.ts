import type { Caller } from "../auth/claims.js"
import type { ClientLimits } from "./clientLimits.js"
import { type Admission as Taken, RateLimiter } from "@carepanel/app-kit"
import { StreamCap } from "./streamCap.js"

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

/** Per-client rate limits and the cap on open subscriptions, in this process (docs/deployment.md says why). */
export class Admission {
  private readonly rates: RateLimiter
  private readonly streams = new StreamCap()

  constructor(
    private readonly limits: ClientLimits,
    now: () => number = Date.now
  ) {
    this.rates = new RateLimiter(now)
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
