export { type ExportedSpan, type OtlpCollector, startOtlpCollector } from "./otlpCollector.js"
