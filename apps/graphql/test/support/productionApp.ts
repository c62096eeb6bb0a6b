import type { AuthorityPolicy } from "@carepanel/core"
import { exportJWK, generateKeyPair, SignJWT } from "jose"
import type { AppOptions } from "../../src/app/startApp.js"
import type { AuthorityAuth } from "../../src/auth/authConfig.js"
import { startTestApp } from "./harness.js"

export const issuer = "https://idp.example.invalid/"

/**
 * The API in production mode with one real issuer (an ES256 key pair made here) for the first policy's
 * authority, and a way to sign that issuer's tokens.
 */
export const startProductionApp = async (
  policies: ReadonlyArray<AuthorityPolicy>,
  authority: Partial<AuthorityAuth> = {},
  options: Partial<AppOptions> = {}
) => {
  const pair = await generateKeyPair("ES256", { extractable: true })
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" }
  const authorityId = policies[0]!.authority.id
  const app = await startTestApp(policies, {
    production: true,
    auth: {
      [authorityId]: { issuer, audience: "carepanel", jwks: { keys: [jwk] }, roleClaim: "roles", identityScope: "child.identity.read", ...authority }
    },
    ...options
  })
  /** A token from the issuer: `claims` first, then `shape` to change the standard claims. */
  const sign = (claims: Record<string, unknown>, shape: (jwt: SignJWT) => SignJWT = (jwt) => jwt.setSubject("eden").setExpirationTime("5m")) =>
    shape(new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(issuer).setAudience("carepanel").setIssuedAt()).sign(
      pair.privateKey
    )
  return { ...app, sign }
}
