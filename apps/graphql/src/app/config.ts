import { type AuthorityPolicy, dispatcherConfig, type DispatcherConfig } from "@carepanel/core"
import { type AuthConfig, authConfigFromEnv } from "../auth/authConfig.js"
import { defaultLimits, type OperationLimits } from "../graphql/limits.js"
import { ConfigError, dataDirOf, type Env, intSetting, isProduction, keepAliveMsOf, onOff, policiesFromEnv, storeAnswerMsOf, type TelemetrySettings, telemetryOption } from "@carepanel/app-kit"
import { type ClientDefaults, defaultClientLimits } from "../http/clientLimits.js"
import { defaultTimeouts, type RequestTimeouts } from "../http/server.js"

/** Everything the server reads from its environment, checked before anything starts. */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly production: boolean
  readonly dataDir: string
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly auth: AuthConfig
  readonly limits: OperationLimits
  readonly bodyLimitBytes: number
  readonly timeouts: RequestTimeouts
  /** `CAREPANEL_STORE_ANSWER_SECONDS`: how long an operation may wait for the store before it is answered STORE_FAILED. */
  readonly storeAnswerMs: number
  /** Per-client limits where `auth` sets none, and per IP address for requests without a valid token (across every process on the store). */
  readonly clientDefaults: ClientDefaults
  readonly deadlinePollMs: number
  /** How often clock reminders are queued (CAREPANEL_REMINDER_MINUTES), or false (CAREPANEL_REMINDERS=false). */
  readonly reminderEveryMs: number | false
  readonly dispatcher: DispatcherConfig
  /** Whether this process delivers the outbox (any number may: entries are leased). */
  readonly dispatch: boolean
  /** The secret page cursors are signed with; unset (outside production only): a random key per process. */
  readonly cursorKey?: string
  /** Seed the first authority with fictional history when the store holds none of its events. */
  readonly seed: boolean
  /** OTLP export of traces and metrics (docs/operations.md); off unless an endpoint is set. */
  readonly telemetry?: TelemetrySettings
}

const cursorKeyOf = (env: Env, production: boolean): { readonly cursorKey?: string } => {
  const key = env.CAREPANEL_CURSOR_KEY?.trim()
  // A key of its own per process would refuse every other replica's cursors, and its own after a restart.
  if ((key === undefined || key === "") && production) {
    throw new ConfigError(
      "CAREPANEL_CURSOR_KEY",
      "must be set in production, the same on every API replica, or a page cursor one replica gave out is refused by another (for example: openssl rand -base64 32)"
    )
  }
  if (key === undefined || key === "") return {}
  if (key.length < 32) throw new ConfigError("CAREPANEL_CURSOR_KEY", "must be at least 32 characters (for example: openssl rand -base64 32)")
  return { cursorKey: key }
}

export const configFromEnv = (env: Env = process.env): ServerConfig => {
  const production = isProduction(env)
  const auth = authConfigFromEnv(env.CAREPANEL_AUTH)
  if (production && Object.keys(auth).length === 0) {
    throw new ConfigError("CAREPANEL_AUTH", "must configure at least one authority's issuer in production (development tokens are refused there)")
  }
  const dataDir = dataDirOf(env)
  return {
    host: env.HOST?.trim() || "127.0.0.1",
    port: intSetting(env, "PORT", 4000, 0, 65_535),
    production,
    dataDir,
    policies: policiesFromEnv(env),
    auth,
    limits: {
      maxDepth: intSetting(env, "CAREPANEL_MAX_DEPTH", defaultLimits.maxDepth, 2, 100),
      maxCost: intSetting(env, "CAREPANEL_MAX_COST", defaultLimits.maxCost, 10, 1_000_000),
      maxAliases: intSetting(env, "CAREPANEL_MAX_ALIASES", defaultLimits.maxAliases, 0, 1_000),
      maxTokens: intSetting(env, "CAREPANEL_MAX_TOKENS", defaultLimits.maxTokens, 10, 1_000_000),
      maxDirectives: intSetting(env, "CAREPANEL_MAX_DIRECTIVES", defaultLimits.maxDirectives, 0, 1_000)
    },
    bodyLimitBytes: intSetting(env, "CAREPANEL_BODY_LIMIT_BYTES", 100_000, 1_000, 100_000_000),
    timeouts: {
      headersMs: 1000 * intSetting(env, "CAREPANEL_HEADERS_TIMEOUT_SECONDS", defaultTimeouts.headersMs / 1000, 1, 600),
      requestMs: 1000 * intSetting(env, "CAREPANEL_REQUEST_TIMEOUT_SECONDS", defaultTimeouts.requestMs / 1000, 1, 3_600),
      keepAliveMs: keepAliveMsOf(env)
    },
    storeAnswerMs: storeAnswerMsOf(env),
    clientDefaults: {
      caller: {
        rate: { requests: intSetting(env, "CAREPANEL_REQUESTS_PER_MINUTE", defaultClientLimits.caller.rate.requests, 1, 1_000_000), windowSeconds: 60 },
        maxSubscriptions: intSetting(env, "CAREPANEL_MAX_SUBSCRIPTIONS", defaultClientLimits.caller.maxSubscriptions, 1, 1_000)
      },
      unauthenticated: {
        requests: intSetting(env, "CAREPANEL_UNAUTHENTICATED_REQUESTS_PER_MINUTE", defaultClientLimits.unauthenticated.requests, 1, 1_000_000),
        windowSeconds: 60
      }
    },
    deadlinePollMs: 1000 * intSetting(env, "CAREPANEL_DEADLINE_POLL_SECONDS", 60, 1, 86_400),
    reminderEveryMs: onOff(env, "CAREPANEL_REMINDERS", true) ? 60_000 * intSetting(env, "CAREPANEL_REMINDER_MINUTES", 5, 1, 1_440) : false,
    dispatcher: dispatcherConfig({ intervalMs: 1000 * intSetting(env, "CAREPANEL_OUTBOX_INTERVAL_SECONDS", 5, 1, 3_600) }),
    dispatch: onOff(env, "CAREPANEL_DISPATCHER", true),
    ...cursorKeyOf(env, production),
    seed: (env.CAREPANEL_SEED?.trim() || (production ? "false" : "true")) !== "false",
    ...telemetryOption(env, "carepanel-graphql")
  }
}
