import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { ConfigError, dataDirOf, type Env, intSetting, invocationDir, keepAliveMsOf, onOff, policiesFromEnv, type RateLimit, storeAnswerMsOf, type TelemetrySettings, telemetryOption } from "@carepanel/app-kit"
import type { AuthorityPolicy } from "@carepanel/core"
import { LogLevel } from "effect"
import { loadSources, type SourcesFile, SourcesFileError } from "./sources.js"

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
  /** How long an idle sender's connection is kept for its next delivery (`CAREPANEL_KEEP_ALIVE_SECONDS`). */
  readonly keepAliveMs: number
  /** How long a delivery waits for the store before it is answered 503 (`CAREPANEL_STORE_ANSWER_SECONDS`). */
  readonly storeAnswerMs: number
  /** How long a delivery waits for the record it is about before it is dead. */
  readonly parkedForMs: number
  /** How many days a refused or dead delivery keeps its body and its answer's words (`CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS`). */
  readonly keepRefusedDays: number
  /** Whether this process sends the outbox's webhook channel (outcomes to the sources' endpoints); on unless `CAREPANEL_DISPATCHER=off`. */
  readonly dispatch: boolean
  /** `CAREPANEL_LOG_LEVEL`: the least severe log line written (default Info). */
  readonly logLevel: LogLevel.LogLevel
  /** Verified deliveries one source may send a minute, across every receiver on the store (`CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE`). */
  readonly sourceRateLimit: RateLimit
  /** The receiver's address as the sources reach it (`CAREPANEL_WEBHOOKS_PUBLIC_URL`): document links in outbound webhooks start with it. */
  readonly publicUrl: string
  /** OTLP export of traces and metrics (docs/operations.md); off unless an endpoint is set. */
  readonly telemetry?: TelemetrySettings
}

/** Long enough for the case system's team to see a refusal, correct the case and send it again. */
export const defaultKeepRefusedDays = 90

export const defaultSourceRateLimit: RateLimit = { requests: 600, windowSeconds: 60 }

const logLevels = ["All", "Trace", "Debug", "Info", "Warning", "Error", "Fatal", "None"] as const

const logLevelOf = (env: Env): LogLevel.LogLevel => {
  const raw = env.CAREPANEL_LOG_LEVEL?.trim() || "Info"
  const level = logLevels.find((name) => name.toLowerCase() === raw.toLowerCase())
  if (level === undefined) throw new ConfigError("CAREPANEL_LOG_LEVEL", `must be one of ${logLevels.join(", ")}`)
  return LogLevel.fromLiteral(level)
}

/** `CAREPANEL_WEBHOOKS_PUBLIC_URL` (an http or https URL), else where the receiver listens. */
const publicUrlOf = (env: Env, host: string, port: number): string => {
  const raw = env.CAREPANEL_WEBHOOKS_PUBLIC_URL?.trim()
  if (!raw) return `http://${host.includes(":") ? `[${host}]` : host}:${port}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError("CAREPANEL_WEBHOOKS_PUBLIC_URL", "must be a URL, e.g. https://carepanel-hooks.example.gov.uk")
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("CAREPANEL_WEBHOOKS_PUBLIC_URL", "must be an http or https URL")
  return url.href
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
  const policies = policiesFromEnv(env)
  const sourcesSetting = env.CAREPANEL_WEBHOOK_SOURCES?.trim()
  if (production && !sourcesSetting) throw new ConfigError("CAREPANEL_WEBHOOK_SOURCES", "must name the sources file in production (the development file's secret is public)")
  const sourcesFile = sourcesSetting ? resolve(base, sourcesSetting) : devSourcesFile
  const sources = loadSources(sourcesFile)
  checkAuthorities(sources, policies, sourcesFile)
  const host = env.HOST?.trim() || "127.0.0.1"
  const port = intSetting(env, "CAREPANEL_WEBHOOKS_PORT", 4100, 0, 65_535)
  return {
    host,
    port,
    publicUrl: publicUrlOf(env, host, port),
    production,
    dataDir: dataDirOf(env),
    policies,
    sources,
    bodyLimitBytes: intSetting(env, "CAREPANEL_WEBHOOK_BODY_LIMIT_BYTES", 256_000, 1_000, 10_000_000),
    keepAliveMs: keepAliveMsOf(env),
    storeAnswerMs: storeAnswerMsOf(env),
    parkedForMs: 60_000 * intSetting(env, "CAREPANEL_WEBHOOK_PARKED_MINUTES", 7 * 24 * 60, 1, 365 * 24 * 60),
    keepRefusedDays: intSetting(env, "CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS", defaultKeepRefusedDays, 1, 3_650),
    dispatch: onOff(env, "CAREPANEL_DISPATCHER", true),
    logLevel: logLevelOf(env),
    sourceRateLimit: {
      requests: intSetting(env, "CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE", defaultSourceRateLimit.requests, 1, 1_000_000),
      windowSeconds: 60
    },
    ...telemetryOption(env, "carepanel-webhooks")
  }
}
