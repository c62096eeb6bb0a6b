import { preset } from "@carepanel/core"
import { exportJWK, generateKeyPair, SignJWT } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "../support/harness.js"

const lincolnshire = preset("lincolnshire")
const knowsley = preset("knowsley")
/** One identity provider (one issuer) serving two authorities, each with its own audience. */
const issuer = "https://idp.example.invalid/shared/"
let app: TestApp
let key: CryptoKey

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true })
  key = pair.privateKey
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" }] as [Record<string, unknown>] }
  app = await startTestApp([lincolnshire, knowsley], {
    production: true,
    auth: {
      [lincolnshire.authority.id]: { issuer, audience: "carepanel-lincolnshire", jwks, roleClaim: "roles", identityScope: "child.identity.read" },
      [knowsley.authority.id]: { issuer, audience: "carepanel-knowsley", jwks, roleClaim: "roles", identityScope: "child.identity.read", maxLifetimeHours: 1 }
    }
  })
})
afterAll(() => app.close())

const hour = 3600
const now = () => Math.floor(Date.now() / 1000)

interface Shape {
  readonly sub?: string
  readonly oid?: string
  readonly aud?: string | ReadonlyArray<string>
  readonly iat?: number
  readonly exp?: number
}

const sign = (shape: Shape) => {
  const { aud = "carepanel-lincolnshire", iat = now(), exp = now() + 300, ...subject } = shape
  return new SignJWT({ roles: ["panel_administrator"], name: "Eden Marsh", ...subject })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(issuer)
    .setAudience(aud as string | string[])
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key)
}

const ask = async (token: string) => {
  const response = await app.post(token, "{ viewer { name authority { id } } }")
  return { status: response.status, body: response.body, challenge: response.headers.get("www-authenticate") ?? "" }
}

const refusedWith = async (token: string, reason: RegExp) => {
  const answer = await ask(token)
  expect(answer.status).toBe(401)
  expect(answer.body.errors[0].message).toMatch(reason)
  expect(answer.challenge).toContain('error="invalid_token"')
}

describe("bearer tokens", () => {
  it("are accepted when well formed, for the authority their audience names", async () => {
    expect((await ask(await sign({ sub: "eden" }))).body.data.viewer.authority.id).toBe(lincolnshire.authority.id)
    expect((await ask(await sign({ oid: "0000-eden", aud: "carepanel-knowsley" }))).body.data.viewer.authority.id).toBe(knowsley.authority.id)
  })

  it("are refused without a subject (oid or sub)", async () => {
    await refusedWith(await sign({}), /no subject/)
    await refusedWith(await sign({ sub: "  " }), /no subject/)
  })

  it("are refused when they live longer than the authority's maximum (24 hours unless configured)", async () => {
    await refusedWith(await sign({ sub: "eden", exp: now() + 24 * hour + 120 }), /lifetime .* longer than the 24 hours/)
    expect((await ask(await sign({ sub: "eden", exp: now() + 24 * hour - 120 }))).status).toBe(200)
    await refusedWith(await sign({ sub: "eden", aud: "carepanel-knowsley", exp: now() + 2 * hour }), /longer than the 1 hour/)
    // issued long ago, still valid: the lifetime counts from iat
    await refusedWith(await sign({ sub: "eden", iat: now() - 30 * hour, exp: now() + hour }), /lifetime/)
  })

  it("are refused when their audience names more than one configured authority", async () => {
    await refusedWith(await sign({ sub: "eden", aud: ["carepanel-lincolnshire", "carepanel-knowsley"] }), /more than one authority/)
  })

  it("give the accurate reason when two authorities share the issuer", async () => {
    await refusedWith(await sign({ sub: "eden", aud: "carepanel-lincolnshire", iat: now() - 2 * hour, exp: now() - hour }), /expired/)
    await refusedWith(await sign({ sub: "eden", aud: "carepanel-knowsley", iat: now() - 2 * hour, exp: now() - hour }), /expired/)
    await refusedWith(await sign({ sub: "eden", aud: "someone-else" }), /audience/)
  })
})

describe("the maximum lifetime setting", () => {
  it("is read per authority from CAREPANEL_AUTH and must be a positive number of hours", async () => {
    const { authConfigFromEnv } = await import("../../src/auth/authConfig.js")
    const entry = (maxLifetimeHours: unknown) =>
      JSON.stringify({ wexcombe: { issuer, audience: "carepanel", jwksUrl: "https://idp.example.invalid/keys", maxLifetimeHours } })
    expect(authConfigFromEnv(entry(8)).wexcombe?.maxLifetimeHours).toBe(8)
    expect(() => authConfigFromEnv(entry(0))).toThrow(/maxLifetimeHours/)
    expect(() => authConfigFromEnv(entry("24"))).toThrow(/maxLifetimeHours/)
  })
})
