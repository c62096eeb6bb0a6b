import { Role } from "@carepanel/core"
import { Either, ParseResult, Schema } from "effect"
import { ConfigError } from "@carepanel/app-kit"

const Jwk = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** Requests one caller (one token subject) may make per window; docs/deployment.md has the defaults. */
export const RateLimitConfig = Schema.Struct({
  requests: Schema.Int.pipe(Schema.between(1, 1_000_000)),
  windowSeconds: Schema.Number.pipe(Schema.positive(), Schema.lessThanOrEqualTo(3_600))
})

/** How one authority's tokens are checked and read (`CAREPANEL_AUTH`, keyed by authority id). */
export const AuthorityAuth = Schema.Struct({
  issuer: Schema.NonEmptyTrimmedString,
  audience: Schema.NonEmptyTrimmedString,
  /** Inline keys, `{ "keys": [...] }`, or `jwksUrl`: the issuer's JWKS endpoint (Entra ID: .../discovery/v2.0/keys). */
  jwks: Schema.optional(Schema.Struct({ keys: Schema.NonEmptyArray(Jwk) })),
  jwksUrl: Schema.optional(Schema.String.pipe(Schema.filter((url) => /^https?:\/\//.test(url) || "must be an http(s) URL"))),
  /** The claim holding role values: "roles" (Entra app roles, the default) or "groups" (group object ids). */
  roleClaim: Schema.optionalWith(Schema.NonEmptyTrimmedString, { default: () => "roles" }),
  /** Claim value -> Carepanel role(s). Without a map, claim values that are Carepanel role names count as such. */
  roleMap: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Union(Role, Schema.Array(Role)) })),
  /** The scope (in `scp`/`scope`) or role value that lets an integrator see children's identities. */
  identityScope: Schema.optionalWith(Schema.NonEmptyTrimmedString, { default: () => "child.identity.read" }),
  /** The longest token lifetime accepted (`exp` minus `iat`, or minus now without `iat`), in hours; 24 unless given. */
  maxLifetimeHours: Schema.optional(Schema.Number.pipe(Schema.positive(), Schema.lessThanOrEqualTo(24 * 30))),
  /** Per caller (token subject), per API process; 600 requests a minute unless given. */
  rateLimit: Schema.optional(RateLimitConfig),
  /** Subscriptions (event streams) one caller may hold open at once, per API process; 10 unless given. */
  maxSubscriptions: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000)))
}).pipe(Schema.filter((entry) => (entry.jwks === undefined) !== (entry.jwksUrl === undefined) || "give either jwks or jwksUrl"))
export type AuthorityAuth = typeof AuthorityAuth.Type

export const AuthConfig = Schema.Record({ key: Schema.NonEmptyTrimmedString, value: AuthorityAuth })
export type AuthConfig = typeof AuthConfig.Type

/** Decodes `CAREPANEL_AUTH` (JSON), naming the first problem by its path; unset means no external issuer. */
export const authConfigFromEnv = (raw: string | undefined): AuthConfig => {
  if (raw === undefined || raw.trim() === "") return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new ConfigError("CAREPANEL_AUTH", "is not valid JSON")
  }
  const decoded = Schema.decodeUnknownEither(AuthConfig, { errors: "all", onExcessProperty: "error" })(json)
  if (Either.isLeft(decoded)) {
    const [first] = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
    throw new ConfigError("CAREPANEL_AUTH", `${first?.path.join(".") ?? ""}: ${first?.message ?? "is not valid"}`)
  }
  refuseSharedAudience(decoded.right)
  return decoded.right
}

/** A token names its issuer and audience, not its authority: two authorities may not accept the same pair. */
const refuseSharedAudience = (config: AuthConfig): void => {
  const seen = new Map<string, string>()
  for (const [authorityId, entry] of Object.entries(config)) {
    const key = `${entry.issuer} ${entry.audience}`
    const other = seen.get(key)
    if (other !== undefined) {
      throw new ConfigError("CAREPANEL_AUTH", `${other} and ${authorityId} have the same issuer and audience, so a token could not say which authority it is for: give each its own audience`)
    }
    seen.set(key, authorityId)
  }
}
