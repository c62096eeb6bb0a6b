import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { type AuthorityPolicy, parsePolicyText, preset, presetSlugs, type PresetSlug } from "@carepanel/core"
import { Effect, LogLevel } from "effect"
import { loadSources, type SourcesFile, SourcesFileError } from "./sources.js"

export type Env = Readonly<Record<string, string | undefined>>

/** A setting that cannot be used; `setting` names the environment variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string
  ) {
    super(`${setting}: ${message}`)
    this.name = "ConfigError"
  }
}

/** The API's fictional authority (`packages/demo/policies/wexcombe.yaml`), so both apps run side by side unconfigured. */
export const defaultPolicyFile = fileURLToPath(new URL("../../../../packages/demo/policies/wexcombe.yaml", import.meta.url))
/** Development sources for the fictional authority, with a published secret: refused in production. */
export const devSourcesFile = fileURLToPath(new URL("../../examples/sources.dev.json", import.meta.url))

export interface ReceiverConfig {
  readonly host: string
  readonly port: number
  readonly production: boolean
  readonly dataDir: string
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly sources: SourcesFile
  readonly bodyLimitBytes: number
  /** How long a delivery waits for the record it is about before it is dead. */
  readonly parkedForMs: number
  /** Whether this process sends the outbox's outcomes to the sources' endpoints. */
  readonly dispatch: boolean
  /** `CAREPANEL_LOG_LEVEL`: the least severe log line written (default Info). */
  readonly logLevel: LogLevel.LogLevel
}

const logLevels = ["All", "Trace", "Debug", "Info", "Warning", "Error", "Fatal", "None"] as const

const logLevelOf = (env: Env): LogLevel.LogLevel => {
  const raw = env.CAREPANEL_LOG_LEVEL?.trim() || "Info"
  const level = logLevels.find((name) => name.toLowerCase() === raw.toLowerCase())
  if (level === undefined) throw new ConfigError("CAREPANEL_LOG_LEVEL", `must be one of ${logLevels.join(", ")}`)
  return LogLevel.fromLiteral(level)
}

const invocationDir = (env: Env) => env.INIT_CWD ?? process.cwd()

const intSetting = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`)
  return value
}

const loadPolicy = (entry: string, baseDir: string): AuthorityPolicy => {
  if ((presetSlugs as ReadonlyArray<string>).includes(entry)) return preset(entry as PresetSlug)
  let text: string
  try {
    text = readFileSync(resolve(baseDir, entry), "utf8")
  } catch {
    throw new ConfigError("CAREPANEL_POLICIES", `"${entry}" is neither a preset (${presetSlugs.join(", ")}) nor a readable file`)
  }
  const decoded = Effect.runSync(Effect.either(parsePolicyText(text, entry)))
  if (decoded._tag === "Left") throw new ConfigError("CAREPANEL_POLICIES", decoded.left.message)
  return decoded.right
}

/** Every authority a source is configured for must have a policy. */
const checkAuthorities = (sources: SourcesFile, policies: ReadonlyArray<AuthorityPolicy>, file: string) => {
  const known = new Set(policies.map((policy) => policy.authority.id as string))
  const missing = Object.keys(sources.authorities).filter((id) => !known.has(id))
  if (missing.length > 0) throw new SourcesFileError(file, missing.map((id) => `authorities.${id}: no policy for this authority in CAREPANEL_POLICIES`))
}

/** Everything the receiver reads from its environment, checked before anything starts. */
export const configFromEnv = (env: Env = process.env): ReceiverConfig => {
  const production = env.NODE_ENV === "production"
  const base = invocationDir(env)
  const entries = (env.CAREPANEL_POLICIES ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry !== "")
  const policies = (entries.length === 0 ? [defaultPolicyFile] : entries).map((entry) => loadPolicy(entry, base))
  const sourcesSetting = env.CAREPANEL_WEBHOOK_SOURCES?.trim()
  if (production && !sourcesSetting) throw new ConfigError("CAREPANEL_WEBHOOK_SOURCES", "must name the sources file in production (the development file's secret is public)")
  const sourcesFile = sourcesSetting ? resolve(base, sourcesSetting) : devSourcesFile
  const sources = loadSources(sourcesFile)
  checkAuthorities(sources, policies, sourcesFile)
  const dispatch = env.CAREPANEL_DISPATCHER?.trim().toLowerCase()
  if (dispatch !== undefined && dispatch !== "" && dispatch !== "on" && dispatch !== "off") throw new ConfigError("CAREPANEL_DISPATCHER", 'must be "on" or "off"')
  return {
    host: env.HOST?.trim() || "127.0.0.1",
    port: intSetting(env, "CAREPANEL_WEBHOOKS_PORT", 4100, 0, 65_535),
    production,
    dataDir: resolve(base, env.CAREPANEL_DATA_DIR?.trim() || "data"),
    policies,
    sources,
    bodyLimitBytes: intSetting(env, "CAREPANEL_WEBHOOK_BODY_LIMIT_BYTES", 256_000, 1_000, 10_000_000),
    parkedForMs: 60_000 * intSetting(env, "CAREPANEL_WEBHOOK_PARKED_MINUTES", 7 * 24 * 60, 1, 365 * 24 * 60),
    dispatch: dispatch === "on",
    logLevel: logLevelOf(env)
  }
}
