import type { AuthConfig } from "../auth/authConfig.js"
import type { RateLimit } from "@carepanel/app-kit"

/** The limits on one authority's callers, each counted per token subject. */
export interface CallerLimits {
  readonly rate: RateLimit
  readonly maxSubscriptions: number
}

/** What the HTTP server enforces per client; every figure holds across the API processes on the store (docs/deployment.md). */
export interface ClientLimits {
  readonly forAuthority: (authorityId: string) => CallerLimits
  /** Requests that bring no valid token, counted per IP address. */
  readonly unauthenticated: RateLimit
}

/** The limits of an authority whose `CAREPANEL_AUTH` entry sets none (development tokens too), and the per-address one. */
export interface ClientDefaults {
  readonly caller: CallerLimits
  readonly unauthenticated: RateLimit
}

export const defaultClientLimits: ClientDefaults = {
  caller: { rate: { requests: 600, windowSeconds: 60 }, maxSubscriptions: 10 },
  unauthenticated: { requests: 60, windowSeconds: 60 }
}

/** Each authority's `rateLimit` and `maxSubscriptions` from `CAREPANEL_AUTH`, else the defaults. */
export const clientLimitsOf = (auth: AuthConfig, defaults: ClientDefaults = defaultClientLimits): ClientLimits => ({
  forAuthority: (authorityId) => {
    const entry = auth[authorityId]
    return {
      rate: entry?.rateLimit ?? defaults.caller.rate,
      maxSubscriptions: entry?.maxSubscriptions ?? defaults.caller.maxSubscriptions
    }
  },
  unauthenticated: defaults.unauthenticated
})
