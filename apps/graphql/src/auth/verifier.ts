import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose"
import type { AuthConfig, AuthorityAuth } from "./authConfig.js"
import { type Caller, callerOf, grantsIdentity, rolesOf, subjectOf } from "./claims.js"
import { type DevKeys, devAudience, devIssuer } from "./devKeys.js"
import { VerifiedTokens } from "./verifiedTokens.js"

/** Why a request is refused before it reaches the API, as RFC 6750 names it. */
export interface AuthFailure {
  readonly status: 401 | 403 | 503
  readonly error: "invalid_request" | "invalid_token" | "insufficient_scope" | "temporarily_unavailable"
  readonly description: string
}

export type Authentication = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly failure: AuthFailure }

interface Issuer {
  readonly authorityId: string
  readonly entry: AuthorityAuth
  readonly keys: JWTVerifyGetKey
}

const invalid = (description: string): Authentication => ({ ok: false, failure: { status: 401, error: "invalid_token", description } })

/** The identity provider's key endpoint could not be reached or answered nonsense: not the caller's fault. */
const keysUnavailable = (error: unknown): boolean =>
  !(error instanceof errors.JOSEError) || // fetch itself failed (refused, DNS)
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  error.code === "ERR_JOSE_GENERIC" // jose's "Expected 200 OK from the JSON Web Key Set HTTP response"

const unavailable: Authentication = {
  ok: false,
  failure: { status: 503, error: "temporarily_unavailable", description: "The identity provider's signing keys cannot be fetched just now; try again shortly." }
}

const describe = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return "The token has expired."
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") return "The token is not for this API (audience)."
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") return "The token is not valid yet."
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "The token's signature does not verify."
  return "The token could not be verified."
}

export const defaultMaxLifetimeHours = 24

const hours = (n: number) => (n === 1 ? "1 hour" : `${n} hours`)

/** A verified token that still cannot be accepted: no subject to act as, or a lifetime too long to trust. */
const shapeProblem = (payload: JWTPayload, maxLifetimeHours: number, nowMs: number): string | undefined => {
  if (subjectOf(payload) === undefined) return "The token names no subject (oid or sub)."
  const lifetimeSeconds = payload.exp! - (typeof payload.iat === "number" ? payload.iat : Math.floor(nowMs / 1000))
  if (lifetimeSeconds > maxLifetimeHours * 3600 + 60) {
    const lifetime = Math.round((lifetimeSeconds / 3600) * 10) / 10
    return `The token's lifetime (${hours(lifetime)}) is longer than the ${hours(maxLifetimeHours)} this API accepts: ask the identity provider for shorter-lived tokens.`
  }
  return undefined
}

export interface VerifierOptions {
  readonly config: AuthConfig
  /** The development key pair; given only outside production, for the authorities listed. */
  readonly dev?: { readonly keys: DevKeys; readonly authorityIds: ReadonlyArray<string> }
  /** The time in milliseconds (tests move it); Date.now unless given. */
  readonly now?: () => number
}

/** Verifies bearer tokens against each authority's issuer, audience and keys, and reads them as a Caller. */
export const makeVerifier = (options: VerifierOptions) => {
  const issuers = new Map<string, Issuer[]>()
  const add = (authorityId: string, entry: AuthorityAuth, keys: JWTVerifyGetKey) =>
    issuers.set(entry.issuer, [...(issuers.get(entry.issuer) ?? []), { authorityId, entry, keys }])
  for (const [authorityId, entry] of Object.entries(options.config)) {
    const keys = entry.jwks ? createLocalJWKSet(entry.jwks as unknown as JSONWebKeySet) : createRemoteJWKSet(new URL(entry.jwksUrl!))
    add(authorityId, entry, keys)
  }
  if (options.dev) {
    const keys = createLocalJWKSet({ keys: [options.dev.keys.publicJwk] })
    for (const authorityId of options.dev.authorityIds) {
      add(authorityId, { issuer: devIssuer(authorityId), audience: devAudience, roleClaim: "roles", identityScope: "child.identity.read" }, keys)
    }
  }

  const now = options.now ?? Date.now
  const verified = new VerifiedTokens()

  return async (token: string): Promise<Authentication> => {
    const known = verified.get(token, now())
    if (known !== undefined) return { ok: true, caller: known }
    let claims: JWTPayload
    try {
      claims = decodeJwt(token)
    } catch {
      return invalid("The token is not a JWT.")
    }
    const candidates = typeof claims.iss === "string" ? (issuers.get(claims.iss) ?? []) : []
    if (candidates.length === 0) return invalid("The token's issuer is not configured for any authority.")
    // Choose the authority by audience before verifying, so the refusal is about that authority's check
    // (an expired token is reported as expired, not as another authority's audience mismatch).
    const audiences = typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : []
    const named = candidates.filter((candidate) => audiences.includes(candidate.entry.audience))
    if (named.length > 1) return invalid("The token's audience names more than one authority: ask for a token for one.")
    const candidate = named[0]
    if (candidate === undefined) return invalid(describe(new errors.JWTClaimValidationFailed("unexpected \"aud\" claim value", {}, "aud")))
    try {
      const { payload } = await jwtVerify(token, candidate.keys, {
        issuer: candidate.entry.issuer,
        audience: candidate.entry.audience,
        algorithms: ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"],
        clockTolerance: 60,
        requiredClaims: ["exp"],
        currentDate: new Date(now())
      })
      const refusal = shapeProblem(payload, candidate.entry.maxLifetimeHours ?? defaultMaxLifetimeHours, now())
      if (refusal !== undefined) return invalid(refusal)
      const [role, ...roles] = rolesOf(payload, candidate.entry)
      if (role === undefined) {
        return { ok: false, failure: { status: 403, error: "insufficient_scope", description: "The token grants no Carepanel role." } }
      }
      const caller = callerOf(payload, candidate.authorityId, [role, ...roles], grantsIdentity(payload, candidate.entry))
      verified.set(token, caller, payload.exp!, now())
      return { ok: true, caller }
    } catch (error) {
      return keysUnavailable(error) ? unavailable : invalid(describe(error))
    }
  }
}

export type Verifier = ReturnType<typeof makeVerifier>
