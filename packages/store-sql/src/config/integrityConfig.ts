import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { Effect } from "effect"
import { generateSigningKeyPem, type SigningKey, signingKeyFromPem } from "../chain/signingKey.js"
import { createFileOnce } from "./createFileOnce.js"
import { StoreConfigError } from "./StoreConfigError.js"
import { plainNumberOf } from "./plainNumber.js"

type Env = Readonly<Record<string, string | undefined>>

/** How a store signs its chains and where it sends its checkpoints (docs/integrity.md). */
export interface IntegrityOptions {
  /** The Ed25519 private key in PEM; default `CAREPANEL_SIGNING_KEY`, then the file `CAREPANEL_SIGNING_KEY_FILE`. */
  readonly signingKeyPem?: string
  /** The witness: an append-only file outside the data directory; default `CAREPANEL_WITNESS_FILE`. */
  readonly witnessFile?: string
  /** Seconds between checkpoints; default `CAREPANEL_WITNESS_INTERVAL_S`, else 60. */
  readonly witnessIntervalSeconds?: number
}

export interface IntegrityConfig {
  readonly key: SigningKey
  /** Where the key came from, for messages: a setting, or the generated development key's path. */
  readonly keySource: string
  readonly witness: { readonly file: string; readonly intervalSeconds: number } | undefined
}

/** The development key's file name, in the data directory beside (not inside) the database. */
export const devKeyFile = "signing-key.pem"

const fail = (setting: string, message: string) => new StoreConfigError({ setting, message })

const readKey = (options: IntegrityOptions, env: Env, dataDir: string): { pem: string; source: string } => {
  if (options.signingKeyPem !== undefined) return { pem: options.signingKeyPem, source: "signingKeyPem" }
  if (env.CAREPANEL_SIGNING_KEY?.trim()) return { pem: env.CAREPANEL_SIGNING_KEY, source: "CAREPANEL_SIGNING_KEY" }
  const file = env.CAREPANEL_SIGNING_KEY_FILE?.trim()
  if (file) {
    try {
      return { pem: readFileSync(file, "utf8"), source: `CAREPANEL_SIGNING_KEY_FILE ${file}` }
    } catch (cause) {
      throw fail("CAREPANEL_SIGNING_KEY_FILE", `CAREPANEL_SIGNING_KEY_FILE ${file} cannot be read: ${(cause as Error).message}`)
    }
  }
  if (env.NODE_ENV === "production") {
    throw fail(
      "CAREPANEL_SIGNING_KEY_FILE",
      "CAREPANEL_SIGNING_KEY_FILE (or CAREPANEL_SIGNING_KEY) must name the Ed25519 key that signs the record in production"
    )
  }
  const path = join(dataDir, devKeyFile)
  if (!existsSync(path)) createFileOnce(path, generateSigningKeyPem())
  chmodSync(path, 0o600)
  return { pem: readFileSync(path, "utf8"), source: `the development key ${path}` }
}

const readWitness = (options: IntegrityOptions, env: Env, dataDir: string): IntegrityConfig["witness"] => {
  const setting = options.witnessFile !== undefined ? "witnessFile" : "CAREPANEL_WITNESS_FILE"
  const configured = options.witnessFile ?? env.CAREPANEL_WITNESS_FILE?.trim()
  if (!configured) return undefined
  const file = resolve(configured)
  const inside = relative(resolve(dataDir), file)
  if (!inside.startsWith("..") && !inside.startsWith("/")) {
    throw fail(setting, `${setting} ${file} is inside the data directory ${resolve(dataDir)}: a witness must be kept apart from the database`)
  }
  try {
    mkdirSync(dirname(file), { recursive: true })
    closeSync(openSync(file, "a", 0o600))
  } catch (cause) {
    throw fail(setting, `${setting} ${file} cannot be appended to: ${(cause as Error).message}`)
  }
  const interval = options.witnessIntervalSeconds ?? plainNumberOf(env.CAREPANEL_WITNESS_INTERVAL_S?.trim() || "60", { fraction: true })
  if (!Number.isFinite(interval) || interval <= 0) {
    throw fail("CAREPANEL_WITNESS_INTERVAL_S", `CAREPANEL_WITNESS_INTERVAL_S must be a positive number of seconds, not "${env.CAREPANEL_WITNESS_INTERVAL_S}"`)
  }
  return { file, intervalSeconds: interval }
}

/**
 * The signing key and witness of a store whose data directory is `dataDir`. Without a key, production refuses to
 * start; development generates one in the data directory (file mode 0600), which guards against nothing but lets
 * the chain and `verify` work the same way.
 */
export const resolveIntegrity = (options: IntegrityOptions, env: Env, dataDir: string): Effect.Effect<IntegrityConfig, StoreConfigError> =>
  Effect.try({
    try: () => {
      const { pem, source } = readKey(options, env, dataDir)
      let key: SigningKey
      try {
        key = signingKeyFromPem(pem)
      } catch (cause) {
        throw fail(source.split(" ")[0]!, `${source} is not a usable signing key: ${(cause as Error).message}`)
      }
      return { key, keySource: source, witness: readWitness(options, env, dataDir) }
    },
    catch: (error) => (error instanceof StoreConfigError ? error : fail("CAREPANEL_SIGNING_KEY_FILE", String(error)))
  })

/** The data directory a PostgreSQL store keeps its development key in: `CAREPANEL_DATA_DIR`, else `./data`. */
export const dataDirOf = (env: Env) => resolve(env.CAREPANEL_DATA_DIR?.trim() || "data")
