import { Effect, Layer, Logger } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ConfigError, telemetryLayer, telemetrySettingsFromEnv, tracedService } from "../src/index.js"
import { type OtlpCollector, startOtlpCollector } from "../src/testing/index.js"

const refusal = (read: () => unknown) => {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message
  }
  throw new Error("expected a ConfigError")
}

describe("telemetry settings (the standard OTEL_ variables)", () => {
  it("is off unless an endpoint is set, and off whenever OTEL_SDK_DISABLED=true", () => {
    expect(telemetrySettingsFromEnv({}, "carepanel-graphql")).toBeUndefined()
    expect(telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" }, "carepanel-graphql")).toBeUndefined()
  })

  it("sends each signal to the shared endpoint's standard path, or to its own endpoint as given", () => {
    expect(telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }, "carepanel-graphql")).toEqual({
      serviceName: "carepanel-graphql",
      tracesUrl: "http://collector:4318/v1/traces",
      metricsUrl: "http://collector:4318/v1/metrics",
      headers: {},
      metricIntervalMs: 60_000
    })
    const tracesOnly = telemetrySettingsFromEnv(
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://otlp.example.invalid/traces", OTEL_SERVICE_NAME: "panel-api", OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20abc,x-team=panels" },
      "carepanel-graphql"
    )
    expect(tracesOnly).toEqual({
      serviceName: "panel-api",
      tracesUrl: "https://otlp.example.invalid/traces",
      headers: { authorization: "Bearer abc", "x-team": "panels" },
      metricIntervalMs: 60_000
    })
  })

  it("refuses a protocol other than http/json, a URL that is not http, bad headers and a bad interval, by name", () => {
    const on = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }
    expect(refusal(() => telemetrySettingsFromEnv({ ...on, OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "x"))).toBe(
      'OTEL_EXPORTER_OTLP_PROTOCOL: must be "http/json" (Carepanel exports OTLP as JSON over HTTP)'
    )
    expect(refusal(() => telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }, "x"))).toBe("OTEL_EXPORTER_OTLP_ENDPOINT: must be an http or https URL")
    expect(refusal(() => telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: "not a url" }, "x"))).toMatch(/^OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: is not a URL/)
    expect(refusal(() => telemetrySettingsFromEnv({ ...on, OTEL_EXPORTER_OTLP_HEADERS: "novalue" }, "x"))).toMatch(/^OTEL_EXPORTER_OTLP_HEADERS: must be key=value pairs/)
    expect(refusal(() => telemetrySettingsFromEnv({ ...on, OTEL_METRIC_EXPORT_INTERVAL: "10s" }, "x"))).toMatch(/^OTEL_METRIC_EXPORT_INTERVAL: must be a whole number/)
  })
})

/** What a careless caller might put in a span: a child's name, as an attribute, a log line and an error. */
const canary = "Tallulah Canarywood"
const service = {
  record: (name: string) =>
    Effect.annotateCurrentSpan("child.name", name).pipe(
      Effect.zipRight(Effect.annotateCurrentSpan("carepanel.kind", "record")),
      Effect.zipRight(Effect.logWarning(`recording ${name}`)),
      Effect.zipRight(Effect.fail(new Error(`${name} is already recorded`)))
    )
}

describe("exported spans (a real OTLP/HTTP collector, JSON)", () => {
  let collector: OtlpCollector
  beforeAll(async () => {
    collector = await startOtlpCollector()
    const settings = { serviceName: "app-kit-test", tracesUrl: `${collector.endpoint}/v1/traces`, headers: {}, metricIntervalMs: 60_000 }
    const traced = tracedService(service, "core.Records")
    await Effect.runPromise(Effect.either(traced.record(canary)).pipe(Effect.provide(Layer.merge(Layer.fresh(telemetryLayer(settings)), Logger.remove(Logger.defaultLogger))), Effect.scoped))
  }, 30_000)
  afterAll(() => collector?.close())

  it("carry the span's name, Carepanel's own attributes and the error's type; no argument, log line or error message", () => {
    const [span] = collector.spans()
    expect(span?.name).toBe("core.Records.record")
    expect(span?.status?.code).toBe(2)
    expect(span?.attributes).toEqual([{ key: "carepanel.kind", value: { stringValue: "record" } }])
    expect(span?.events?.map((event) => event.name)).toEqual(["exception"])
    expect(collector.received()).not.toContain("Canarywood")
  })
})
