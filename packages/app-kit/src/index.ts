export { type CoreLayerParts, type CoreServices, coreLayer, deliveryTags, type StorePorts, storePortTags, useCaseTags } from "./coreLayer.js"
export { emailIsConfigured, emailNotifierFromEnv } from "./email.js"
export { ConfigError, dataDirOf, type Env, intSetting, invocationDir, isProduction, onOff } from "./env.js"
export { loadPolicy, policiesFromEnv, policiesLayer } from "./policies.js"
export { nextId, RandomIds } from "./randomIds.js"
export { atMostEvery } from "./atMostEvery.js"
export { jsonLoggerTo, type Level, type LogSink, logEntry } from "./jsonLog.js"
export { flushEvery, flushIntervalMs } from "./flushEvery.js"
export { undoOnFailure } from "./undoOnFailure.js"
export { defaultKeepAliveSeconds, keepAliveMsOf } from "./keepAlive.js"
export { defaultStoreAnswerSeconds, storeAnswerMsOf, within } from "./storeAnswer.js"
export { type Admission, type RateLimit, RateLimiter } from "./rateLimiter.js"
export { defaultStreamCapTiming, StreamCap, type StreamCapTiming } from "./streamCap.js"
export {
  type ActiveSpan,
  httpRequestDuration,
  observeHttpServer,
  routeNamer,
  outboxLag,
  scrubbedSpan,
  startActiveSpan,
  type TelemetrySettings,
  telemetryLayer,
  telemetryOrOff,
  telemetryOption,
  telemetrySettingsFromEnv,
  tracedLayer,
  tracedService
} from "./telemetry/index.js"
