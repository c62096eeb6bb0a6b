import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { createFileOnce } from "@carepanel/store-sql"
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose"

/** The development issuer of one authority: accepted only when NODE_ENV is not "production". */
export const devIssuer = (authorityId: string) => `urn:carepanel:dev:${authorityId}`
export const devAudience = "carepanel-dev"
const algorithm = "ES256"

export interface DevKeys {
  readonly privateJwk: JWK
  readonly publicJwk: JWK
}

const generateDevKeys = async (): Promise<DevKeys> => {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true })
  const kid = `dev-${Date.now().toString(36)}`
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: algorithm },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: "sig" }
  }
}

/**
 * The development key pair, generated on first use and kept in the data directory (mode 600). Replicas starting
 * together on an empty data directory all end up with the one pair that was written first.
 */
export const loadDevKeys = async (dataDir: string): Promise<DevKeys> => {
  const file = join(dataDir, "dev-jwt-key.json")
  if (!existsSync(file)) createFileOnce(file, JSON.stringify(await generateDevKeys()))
  return JSON.parse(readFileSync(file, "utf8")) as DevKeys
}

export interface DevTokenClaims {
  readonly authorityId: string
  readonly roles: ReadonlyArray<string>
  readonly name?: string
  readonly personId?: string
  readonly scopes?: ReadonlyArray<string>
  readonly expiresIn?: string
}

/** A signed development token, read exactly like an Entra ID access token (oid, name, roles, scp). */
export const signDevToken = async (keys: DevKeys, claims: DevTokenClaims): Promise<string> => {
  const key = await importJWK(keys.privateJwk, algorithm)
  return new SignJWT({
    oid: claims.personId ?? "dev-dana-whitlock",
    name: claims.name ?? "Dana Whitlock (development)",
    roles: [...claims.roles],
    ...(claims.scopes && claims.scopes.length > 0 ? { scp: claims.scopes.join(" ") } : {})
  })
    .setProtectedHeader({ alg: algorithm, kid: keys.privateJwk.kid ?? "dev", typ: "JWT" })
    .setIssuer(devIssuer(claims.authorityId))
    .setAudience(devAudience)
    .setSubject(claims.personId ?? "dev-dana-whitlock")
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "12h")
    .sign(key)
}
