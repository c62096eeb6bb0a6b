import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { preset } from "@carepanel/core"
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AuthConfig, authConfigFromEnv } from "../src/auth/authConfig.js"
import { startTestApp, type TestApp } from "./support/harness.js"

// Fictional Entra ID tenants: the ids are made up.
const tenant = "11111111-2222-3333-4444-555555555555"
const entraIssuer = `https://login.microsoftonline.com/${tenant}/v2.0`
const audience = "api://carepanel-wexcombe"
const outageIssuer = "https://login.microsoftonline.com/77777777-6666-5555-4444-333333333333/v2.0"

let app: TestApp
let jwksServer: Server
let failingJwksServer: Server
let entraKey: CryptoKey
let otherKey: CryptoKey
let remoteKey: CryptoKey

const sign = (key: CryptoKey, claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: string | number; kid?: string } = {}) =>
  new SignJWT({ oid: "0f1e2d3c-aaaa-bbbb-cccc-000000000001", name: "Morgan Tallis", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "entra-1" })
    .setIssuer(options.iss ?? entraIssuer)
    .setAudience(options.aud ?? audience)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "1h")
    .sign(key)

const viewer = "{ viewer { personId name roles authority { id } } }"

beforeAll(async () => {
  const entra = await generateKeyPair("RS256", { extractable: true })
  const remote = await generateKeyPair("RS256", { extractable: true })
  entraKey = entra.privateKey
  remoteKey = remote.privateKey
  otherKey = (await generateKeyPair("RS256")).privateKey
  const publicJwk: JWK = { ...(await exportJWK(entra.publicKey)), kid: "entra-1", alg: "RS256" }
  const remoteJwk: JWK = { ...(await exportJWK(remote.publicKey)), kid: "remote-1", alg: "RS256" }
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify({ keys: [remoteJwk] }))
  })
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve))
  failingJwksServer = createServer((_req, res) => {
    res.writeHead(502)
    res.end()
  })
  await new Promise<void>((resolve) => failingJwksServer.listen(0, "127.0.0.1", resolve))
  const auth: AuthConfig = {
    lincolnshire: {
      issuer: entraIssuer,
      audience,
      jwks: { keys: [publicJwk as Record<string, unknown>] },
      roleClaim: "roles",
      roleMap: { "Panel.Administrator": "panel_administrator", "Case.Integrator": ["integrator"] },
      identityScope: "child.identity.read"
    },
    knowsley: {
      issuer: "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0",
      audience: "api://carepanel-knowsley",
      jwksUrl: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`,
      roleClaim: "groups",
      roleMap: { "5b6a1f0e-0000-4000-8000-00000000000a": "panel_chair" },
      identityScope: "child.identity.read"
    },
    "north-somerset": {
      issuer: outageIssuer,
      audience: "api://carepanel-north-somerset",
      jwksUrl: `http://127.0.0.1:${(failingJwksServer.address() as AddressInfo).port}/keys`,
      roleClaim: "roles",
      identityScope: "child.identity.read"
    }
  }
  app = await startTestApp([preset("lincolnshire"), preset("knowsley"), preset("north-somerset")], { auth })
})
afterAll(async () => {
  await app.close()
  jwksServer.close()
  failingJwksServer.close()
})

const expectRefused = async (token: string | undefined, status: number, description?: RegExp) => {
  const response = await app.post(token, viewer)
  expect(response.status).toBe(status)
  expect(response.body.data).toBeUndefined()
  const challenge = response.headers.get("www-authenticate")
  expect(challenge).toMatch(/^Bearer realm="carepanel"/)
  if (description) expect(challenge).toMatch(description)
  return response
}

describe("bearer tokens", () => {
  it("reads an Entra ID token: person from oid, name, authority from config, app roles through the role map", async () => {
    const response = await app.post(await sign(entraKey, { roles: ["Panel.Administrator", "Unmapped.Role"] }), viewer)
    expect(response.body.data.viewer).toEqual({
      personId: "0f1e2d3c-aaaa-bbbb-cccc-000000000001",
      name: "Morgan Tallis",
      roles: ["panel_administrator"],
      authority: { id: "lincolnshire" }
    })
  })

  it("fetches keys from a JWKS URL and maps group ids to roles", async () => {
    const token = await sign(
      remoteKey,
      { groups: ["5b6a1f0e-0000-4000-8000-00000000000a"] },
      { iss: "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0", aud: "api://carepanel-knowsley", kid: "remote-1" }
    )
    const response = await app.post(token, viewer)
    expect(response.body.data.viewer.roles).toEqual(["panel_chair"])
    expect(response.body.data.viewer.authority.id).toBe("knowsley")
  })

  it("refuses a request without a token with 401 and a bare challenge", async () => {
    const response = await expectRefused(undefined, 401)
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="carepanel"')
  })

  it("refuses a token signed with another key", async () => {
    await expectRefused(await sign(otherKey, { roles: ["Panel.Administrator"] }), 401, /error="invalid_token".*signature/)
  })

  it("refuses a token for another audience", async () => {
    await expectRefused(await sign(entraKey, { roles: ["Panel.Administrator"] }, { aud: "api://somebody-else" }), 401, /audience/)
  })

  it("refuses an expired token", async () => {
    await expectRefused(await sign(entraKey, { roles: ["Panel.Administrator"] }, { exp: Math.floor(Date.now() / 1000) - 3600 }), 401, /expired/)
  })

  it("refuses a token from an issuer no authority configured", async () => {
    await expectRefused(await sign(entraKey, { roles: ["Panel.Administrator"] }, { iss: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0" }), 401, /issuer/)
  })

  it("refuses a valid token that grants no Carepanel role with 403", async () => {
    await expectRefused(await sign(entraKey, { roles: ["Unmapped.Role"] }), 403, /insufficient_scope/)
  })

  it("refuses something that is not a JWT", async () => {
    await expectRefused("not-a-jwt", 401, /invalid_token/)
  })
})

describe("when the identity provider cannot be reached", () => {
  it("answers 503 with Retry-After, not 401: the caller's token may be fine", async () => {
    const response = await app.post(await sign(entraKey, { roles: ["Panel.Administrator"] }, { iss: outageIssuer, aud: "api://carepanel-north-somerset" }), viewer)
    expect(response.status).toBe(503)
    expect(response.headers.get("retry-after")).toBe("30")
    expect(response.headers.get("www-authenticate")).toBeNull()
    expect(response.body.errors[0].extensions.code).toBe("UNAVAILABLE")
  })
})

describe("CAREPANEL_AUTH", () => {
  it("refuses two authorities with the same issuer and audience, naming both", () => {
    const entry = { issuer: entraIssuer, audience, jwksUrl: "https://login.example.test/keys" }
    expect(() => authConfigFromEnv(JSON.stringify({ wexcombe: entry, "north-somerset": entry }))).toThrow(
      /CAREPANEL_AUTH: wexcombe and north-somerset have the same issuer and audience/
    )
  })

  it("names the first problem by its path", () => {
    expect(() => authConfigFromEnv(JSON.stringify({ wexcombe: { issuer: entraIssuer } }))).toThrow(/CAREPANEL_AUTH: wexcombe\.audience/)
  })
})
