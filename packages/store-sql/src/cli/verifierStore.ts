import { existsSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Cause, Duration, Effect, Layer, Redacted } from "effect"
import { signingKeyFromPem, type TrustedKey, trustedKeyOf, trustedKeysFromPem } from "../chain/signingKey.js"
import { connectionFailure } from "../config/connectionFailure.js"
import { parseDatabaseUrl } from "../config/databaseUrl.js"
import { dataDirOf, devKeyFile } from "../config/integrityConfig.js"
import { StoreConfigError } from "../config/StoreConfigError.js"
import { driverMessage } from "../sql/driverMessage.js"

type Env = Readonly<Record<string, string | undefined>>

const fail = (setting: string, message: string) => new StoreConfigError({ setting, message })

/**
 * The store's database as it is, for checking it: no migration runs, no key is needed, nothing is written
 * (a verifier may hold a read-only role and no private key). A SQLite file that does not exist is refused, not created.
 */
export const verifierClient = (env: Env) => {
  const url = env.DATABASE_URL?.trim()
  if (url) {
    return Layer.unwrapEffect(
      Effect.map(parseDatabaseUrl(url), (db) =>
        PgClient.layer({ url: Redacted.make(db.url), applicationName: "carepanel-verify", connectTimeout: Duration.seconds(5), maxConnections: 2 }).pipe(
          Layer.catchAll((error) => Layer.fail(connectionFailure(db, error)))
        )
      )
    )
  }
  const setting = env.CAREPANEL_DATA_DIR?.trim() ? "CAREPANEL_DATA_DIR" : "CAREPANEL_DATA_DIR (unset, so the default)"
  const filename = join(dataDirOf(env), "carepanel.sqlite")
  if (!existsSync(filename)) return Layer.fail(fail("CAREPANEL_DATA_DIR", `${setting} ${dataDirOf(env)} holds no Carepanel store (no ${filename}): nothing to verify`))
  return Layer.catchAllCause(SqliteClient.layer({ filename }), (cause) =>
    Layer.fail(fail("CAREPANEL_DATA_DIR", `Cannot open the SQLite database at ${setting} ${filename}: ${driverMessage(Cause.squash(cause))}`))
  )
}

const readPem = (setting: string, file: string) => {
  try {
    return readFileSync(file, "utf8")
  } catch (cause) {
    throw fail(setting, `${setting} ${file} cannot be read: ${(cause as Error).message}`)
  }
}

const usable = <A>(setting: string, source: string, read: () => A): A => {
  try {
    return read()
  } catch (cause) {
    throw cause instanceof StoreConfigError ? cause : fail(setting, `${source} cannot be used: ${(cause as Error).message}`)
  }
}

/**
 * The public keys whose signatures `verify` accepts: `CAREPANEL_TRUSTED_KEYS_FILE` (public keys only: the verifying
 * machine needs no private key), and the public part of the signing key where one is configured. In development,
 * with neither, the key generated in the data directory. None at all is refused: a check against no key proves nothing.
 */
export const verifierKeys = (env: Env): Effect.Effect<ReadonlyArray<TrustedKey>, StoreConfigError> =>
  Effect.try({
    try: () => {
      const keys: Array<TrustedKey> = []
      const trustedFile = env.CAREPANEL_TRUSTED_KEYS_FILE?.trim()
      if (trustedFile) {
        const pem = readPem("CAREPANEL_TRUSTED_KEYS_FILE", trustedFile)
        const found = usable("CAREPANEL_TRUSTED_KEYS_FILE", `CAREPANEL_TRUSTED_KEYS_FILE ${trustedFile}`, () => trustedKeysFromPem(pem))
        if (found.length === 0) throw fail("CAREPANEL_TRUSTED_KEYS_FILE", `CAREPANEL_TRUSTED_KEYS_FILE ${trustedFile} holds no PUBLIC KEY block`)
        keys.push(...found)
      }
      const signingFile = env.CAREPANEL_SIGNING_KEY_FILE?.trim()
      const signingPem = env.CAREPANEL_SIGNING_KEY?.trim() ? env.CAREPANEL_SIGNING_KEY : signingFile ? readPem("CAREPANEL_SIGNING_KEY_FILE", signingFile) : undefined
      if (signingPem !== undefined) {
        const setting = env.CAREPANEL_SIGNING_KEY?.trim() ? "CAREPANEL_SIGNING_KEY" : "CAREPANEL_SIGNING_KEY_FILE"
        keys.push(trustedKeyOf(usable(setting, setting, () => signingKeyFromPem(signingPem!))))
      }
      const devKey = resolve(dataDirOf(env), devKeyFile)
      if (keys.length === 0 && env.NODE_ENV !== "production" && existsSync(devKey)) {
        keys.push(trustedKeyOf(usable("CAREPANEL_DATA_DIR", `the development key ${devKey}`, () => signingKeyFromPem(readPem("CAREPANEL_DATA_DIR", devKey)))))
      }
      if (keys.length === 0) {
        throw fail(
          "CAREPANEL_TRUSTED_KEYS_FILE",
          "verify needs the authority's public key: set CAREPANEL_TRUSTED_KEYS_FILE to a PEM file of its public key(s) (openssl pkey -in signing-key.pem -pubout)"
        )
      }
      return keys
    },
    catch: (error) => (error instanceof StoreConfigError ? error : fail("CAREPANEL_TRUSTED_KEYS_FILE", String(error)))
  })
