export { descendsFrom, type ExportedSpan, type OtlpCollector, startOtlpCollector } from "./otlpCollector.js"
export { untilWindowStarts } from "./windowStart.js"
