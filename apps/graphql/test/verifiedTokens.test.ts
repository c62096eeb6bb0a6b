import { preset } from "@carepanel/core"
import { exportJWK, generateKeyPair, SignJWT } from "jose"
import { beforeAll, describe, expect, it } from "vitest"
import { makeVerifier, type Verifier } from "../src/auth/verifier.js"
import { verifiedTokenMaxAgeMs } from "../src/auth/verifiedTokens.js"

/** A verified token is answered from memory; these are the limits on that, seen through the verifier. */
const authorityId = preset("lincolnshire").authority.id
const issuer = "https://idp.example.invalid/lincolnshire/"
const audience = "carepanel-lincolnshire"
let key: CryptoKey
let jwks: { keys: [Record<string, unknown>] }
let clock = Date.now()
let verify: Verifier

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true })
  key = pair.privateKey
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" }] }
  verify = makeVerifier({ config: { [authorityId]: { issuer, audience, jwks, roleClaim: "roles", identityScope: "child.identity.read" } }, now: () => clock })
})

const sign = (claims: { readonly exp: number; readonly roles?: ReadonlyArray<string>; readonly nbf?: number }) => {
  const jwt = new SignJWT({ roles: claims.roles ?? ["panel_administrator"], name: "Eden Marsh", sub: "eden-marsh" })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(Math.floor(clock / 1000))
    .setExpirationTime(claims.exp)
  return (claims.nbf === undefined ? jwt : jwt.setNotBefore(claims.nbf)).sign(key)
}

describe("a token verified once", () => {
  it("is still refused as expired once its exp has passed, though it was accepted a moment before", async () => {
    clock = Date.now()
    const token = await sign({ exp: Math.floor(clock / 1000) + 120 })
    expect((await verify(token)).ok).toBe(true)
    clock += 119_000
    expect((await verify(token)).ok).toBe(true)
    clock += 62_000 + 60_000 // past exp and past the verifier's 60 s of clock tolerance
    expect(await verify(token)).toEqual({ ok: false, failure: expect.objectContaining({ status: 401, description: "The token has expired." }) })
  })

  it("is checked again after the most a verification is trusted for, and still accepted while it is valid", async () => {
    clock = Date.now()
    const token = await sign({ exp: Math.floor(clock / 1000) + 3600 })
    const first = await verify(token)
    clock += verifiedTokenMaxAgeMs + 1
    const again = await verify(token)
    expect(again).toEqual(first)
    expect(again.ok && again.caller.actor.name).toBe("Eden Marsh")
  })

  it("that was refused is refused again with the same reason: refusals are never kept", async () => {
    clock = Date.now()
    const early = await sign({ exp: Math.floor(clock / 1000) + 3600, nbf: Math.floor(clock / 1000) + 600 })
    expect(await verify(early)).toEqual({ ok: false, failure: expect.objectContaining({ description: "The token is not valid yet." }) })
    clock += 601_000
    expect((await verify(early)).ok).toBe(true)
    const roleless = await sign({ exp: Math.floor(clock / 1000) + 3600, roles: ["visitor"] })
    for (let i = 0; i < 2; i++) expect(await verify(roleless)).toEqual({ ok: false, failure: expect.objectContaining({ status: 403 }) })
  })
})
