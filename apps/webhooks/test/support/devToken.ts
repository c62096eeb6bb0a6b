import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto"
import { writeFileSync } from "node:fs"
import { join } from "node:path"

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url")

/**
 * The API's development key pair, written where its main job looks for it (`dev-jwt-key.json` in the data
 * directory, as `apps/graphql/src/auth/devKeys.ts` keeps it), so a test signs tokens for any role itself instead
 * of starting the API's token command as one more process. Returns a signer of ES256 development tokens.
 */
export const writeDevKeys = (dataDir: string, authorityId: string) => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
  const kid = `test-${Date.now().toString(36)}`
  const privateJwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "ES256" }
  const publicJwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" }
  writeFileSync(join(dataDir, "dev-jwt-key.json"), JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 })
  const key = createPrivateKey({ key: privateJwk, format: "jwk" })
  return (person: { readonly personId: string; readonly name: string }, roles: ReadonlyArray<string>) => {
    const now = Math.floor(Date.now() / 1000)
    const header = base64url(JSON.stringify({ alg: "ES256", kid, typ: "JWT" }))
    const claims = {
      oid: person.personId,
      name: person.name,
      roles,
      iss: `urn:carepanel:dev:${authorityId}`,
      aud: "carepanel-dev",
      sub: person.personId,
      iat: now,
      exp: now + 3_600
    }
    const payload = base64url(JSON.stringify(claims))
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), { key, dsaEncoding: "ieee-p1363" })
    return `${header}.${payload}.${base64url(signature)}`
  }
}
