import { ConfigError, type Env, intSetting } from "../env.js"

/** Where and how often an app exports its traces and metrics (OTLP, JSON over HTTP). */
export interface TelemetrySettings {
  readonly serviceName: string
  /** Undefined: no traces exported. */
  readonly tracesUrl?: string
  /** Undefined: no metrics exported. */
  readonly metricsUrl?: string
  readonly headers: Readonly<Record<string, string>>
  readonly metricIntervalMs: number
}

/** The standard OpenTelemetry variables Carepanel reads (docs/operations.md lists them; a test checks it). */
export const telemetryVariables = [
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
  "OTEL_EXPORTER_OTLP_PROTOCOL",
  "OTEL_EXPORTER_OTLP_HEADERS",
  "OTEL_METRIC_EXPORT_INTERVAL",
  "OTEL_SERVICE_NAME",
  "OTEL_SDK_DISABLED"
] as const

const setting = (env: Env, name: (typeof telemetryVariables)[number]): string | undefined => {
  const raw = env[name]?.trim()
  return raw === undefined || raw === "" ? undefined : raw
}

const httpUrl = (name: string, raw: string): string => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(name, "is not a URL (for example http://localhost:4318)")
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(name, "must be an http or https URL")
  return url.href
}

/** A signal's own endpoint as given, else the shared endpoint with the signal's standard path (`/v1/traces`). */
const signalUrl = (env: Env, own: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" | "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", path: string): string | undefined => {
  const direct = setting(env, own)
  if (direct !== undefined) return httpUrl(own, direct)
  const base = setting(env, "OTEL_EXPORTER_OTLP_ENDPOINT")
  if (base === undefined) return undefined
  return httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", `${httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", base).replace(/\/$/, "")}${path}`)
}

/** `key=value,key=value`, values percent-encoded (the specification's format). */
const headersOf = (env: Env): Record<string, string> => {
  const raw = setting(env, "OTEL_EXPORTER_OTLP_HEADERS")
  if (raw === undefined) return {}
  const headers: Record<string, string> = {}
  for (const pair of raw.split(",")) {
    const at = pair.indexOf("=")
    const key = pair.slice(0, at).trim()
    if (at <= 0 || key === "") throw new ConfigError("OTEL_EXPORTER_OTLP_HEADERS", "must be key=value pairs separated by commas")
    try {
      headers[key] = decodeURIComponent(pair.slice(at + 1).trim())
    } catch {
      throw new ConfigError("OTEL_EXPORTER_OTLP_HEADERS", `the value of "${key}" is not percent-encoded correctly`)
    }
  }
  return headers
}

/**
 * Telemetry is off unless an OTLP endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT`, or the traces or metrics one),
 * and off whenever `OTEL_SDK_DISABLED=true`. Only OTLP's JSON over HTTP is spoken, so any other protocol is refused
 * rather than silently sending what the collector cannot read.
 */
export const telemetrySettingsFromEnv = (env: Env, defaultServiceName: string): TelemetrySettings | undefined => {
  if (setting(env, "OTEL_SDK_DISABLED")?.toLowerCase() === "true") return undefined
  const tracesUrl = signalUrl(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "/v1/traces")
  const metricsUrl = signalUrl(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "/v1/metrics")
  if (tracesUrl === undefined && metricsUrl === undefined) return undefined
  const protocol = setting(env, "OTEL_EXPORTER_OTLP_PROTOCOL")
  if (protocol !== undefined && protocol !== "http/json") {
    throw new ConfigError("OTEL_EXPORTER_OTLP_PROTOCOL", 'must be "http/json" (Carepanel exports OTLP as JSON over HTTP)')
  }
  return {
    serviceName: setting(env, "OTEL_SERVICE_NAME") ?? defaultServiceName,
    ...(tracesUrl === undefined ? {} : { tracesUrl }),
    ...(metricsUrl === undefined ? {} : { metricsUrl }),
    headers: headersOf(env),
    metricIntervalMs: intSetting(env, "OTEL_METRIC_EXPORT_INTERVAL", 60_000, 100, 3_600_000)
  }
}

/** The settings as an optional field of an app's config: `{ telemetry }` when on, `{}` when off. */
export const telemetryOption = (env: Env, defaultServiceName: string): { readonly telemetry?: TelemetrySettings } => {
  const telemetry = telemetrySettingsFromEnv(env, defaultServiceName)
  return telemetry === undefined ? {} : { telemetry }
}
