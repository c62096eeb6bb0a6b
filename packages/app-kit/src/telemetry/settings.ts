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

/** A setting's value, or undefined when it is unset or blank. */
const given = (raw: string | undefined): string | undefined => (raw?.trim() ? raw.trim() : undefined)

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
const signalUrl = (env: Env, own: { readonly name: string; readonly value: string | undefined }, path: string): string | undefined => {
  const direct = given(own.value)
  if (direct !== undefined) return httpUrl(own.name, direct)
  const base = given(env.OTEL_EXPORTER_OTLP_ENDPOINT)
  if (base === undefined) return undefined
  return httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", `${httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", base).replace(/\/$/, "")}${path}`)
}

/** `key=value,key=value`, values percent-encoded (the specification's format). */
const headersOf = (env: Env): Record<string, string> => {
  const raw = given(env.OTEL_EXPORTER_OTLP_HEADERS)
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
  if (given(env.OTEL_SDK_DISABLED)?.toLowerCase() === "true") return undefined
  const tracesUrl = signalUrl(env, { name: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", value: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT }, "/v1/traces")
  const metricsUrl = signalUrl(env, { name: "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", value: env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT }, "/v1/metrics")
  if (tracesUrl === undefined && metricsUrl === undefined) return undefined
  const protocol = given(env.OTEL_EXPORTER_OTLP_PROTOCOL)
  if (protocol !== undefined && protocol !== "http/json") {
    throw new ConfigError("OTEL_EXPORTER_OTLP_PROTOCOL", 'must be "http/json" (Carepanel exports OTLP as JSON over HTTP)')
  }
  return {
    serviceName: given(env.OTEL_SERVICE_NAME) ?? defaultServiceName,
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
