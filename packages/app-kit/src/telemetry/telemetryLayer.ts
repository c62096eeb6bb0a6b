import { Effect, Layer } from "effect"
import type { TelemetrySettings } from "./settings.js"

/**
 * Effect's spans and metrics exported over OTLP (JSON over HTTP) as the settings say; closing it flushes both. The
 * OpenTelemetry SDK is loaded only here, when telemetry is on, so an app without it does not pay for loading it.
 */
export const telemetryLayer = (settings: TelemetrySettings): Layer.Layer<never> =>
  Layer.unwrapEffect(Effect.map(Effect.promise(() => import("./exportingLayer.js")), (module) => module.exportingLayer(settings)))

/**
 * The app's telemetry layer: exporting as configured, or, with none configured, Effect's tracer off, since nobody
 * reads a span then and @effect/sql would still build one (attributes, timings, the statement's text) per statement.
 */
export const telemetryOrOff = (settings: TelemetrySettings | undefined): Layer.Layer<never> =>
  settings === undefined ? Layer.setTracerEnabled(false) : telemetryLayer(settings)
