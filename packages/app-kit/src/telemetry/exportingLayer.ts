import { Metrics, Resource, Tracer } from "@effect/opentelemetry"
import { context, propagation, trace } from "@opentelemetry/api"
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { AggregationTemporality, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics"
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node"
import { Effect, Layer } from "effect"
import { scrubbedSpanExporter } from "./scrubbedSpans.js"
import type { TelemetrySettings } from "./settings.js"

/**
 * The exporting tracer provider, registered as the process's global one (so spans begun outside Effect, such as a
 * GraphQL operation's, are parents of the effects run inside them). Closing the layer sends what is buffered and
 * unregisters it.
 */
const tracerProvider = (settings: TelemetrySettings, url: string) =>
  Layer.scoped(
    Tracer.OtelTracerProvider,
    Effect.flatMap(Resource.Resource, (resource) =>
      Effect.acquireRelease(
        Effect.sync(() => {
          const exporter = scrubbedSpanExporter(new OTLPTraceExporter({ url, headers: { ...settings.headers } }))
          const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] })
          provider.register()
          return provider
        }),
        (provider) =>
          Effect.promise(() => provider.forceFlush().then(() => provider.shutdown())).pipe(
            Effect.timeoutOption("3 seconds"),
            Effect.ensuring(
              Effect.sync(() => {
                trace.disable()
                context.disable()
                propagation.disable()
              })
            )
          )
      )
    )
  )

const metricReader = (settings: TelemetrySettings, url: string) =>
  Metrics.layer(
    () =>
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url, headers: { ...settings.headers }, temporalityPreference: AggregationTemporality.CUMULATIVE }),
        exportIntervalMillis: settings.metricIntervalMs,
        exportTimeoutMillis: Math.min(settings.metricIntervalMs, 30_000)
      })
  )

/** Effect's spans and metrics exported over OTLP (JSON over HTTP) as the settings say; closing it flushes both. */
export const exportingLayer = (settings: TelemetrySettings): Layer.Layer<never> => {
  const traces = settings.tracesUrl === undefined ? Layer.empty : Tracer.layer.pipe(Layer.provide(tracerProvider(settings, settings.tracesUrl)))
  const metrics = settings.metricsUrl === undefined ? Layer.empty : metricReader(settings, settings.metricsUrl)
  return Layer.mergeAll(traces, metrics).pipe(Layer.provide(Resource.layer({ serviceName: settings.serviceName })), Layer.orDie)
}
