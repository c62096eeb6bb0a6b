import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, type JSONWebKeySet, type JWTVerifyGetKey, jwtVerify } from "jose"
import type { AuthConfig, AuthorityAuth } from "./authConfig.js"
import { type Caller, callerOf, grantsIdentity, rolesOf } from "./claims.js"
import { type DevKeys, devAudience, devIssuer } from "./devKeys.js"

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

export interface VerifierOptions {
  readonly config: AuthConfig
  /** The development key pair; given only outside production, for the authorities listed. */
  readonly dev?: { readonly keys: DevKeys; readonly authorityIds: ReadonlyArray<string> }
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

  return async (token: string): Promise<Authentication> => {
    let issuer: unknown
    try {
      issuer = decodeJwt(token).iss
    } catch {
      return invalid("The token is not a JWT.")
    }
    const candidates = typeof issuer === "string" ? (issuers.get(issuer) ?? []) : []
    if (candidates.length === 0) return invalid("The token's issuer is not configured for any authority.")
    let last: unknown
    for (const candidate of candidates) {
      try {
        const { payload } = await jwtVerify(token, candidate.keys, {
          issuer: candidate.entry.issuer,
          audience: candidate.entry.audience,
          algorithms: ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"],
          clockTolerance: 60,
          requiredClaims: ["exp"]
        })
        const [role, ...roles] = rolesOf(payload, candidate.entry)
        if (role === undefined) {
          return { ok: false, failure: { status: 403, error: "insufficient_scope", description: "The token grants no Carepanel role." } }
        }
        return { ok: true, caller: callerOf(payload, candidate.authorityId, [role, ...roles], grantsIdentity(payload, candidate.entry)) }
      } catch (error) {
        last = error
      }
    }
    return keysUnavailable(last) ? unavailable : invalid(describe(last))
  }
}

export type Verifier = ReturnType<typeof makeVerifier>
