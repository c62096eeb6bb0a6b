import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base"

/**
 * The only attributes a span leaves the process with: names of things Carepanel controls (routes, operation types,
 * the store's parameterised SQL), never a value a person typed. Everything else (a library's attribute, a log line
 * turned into an event, an error's message, which may quote a child's details) is dropped here, whatever set it.
 */
const keptAttributePrefixes = ["carepanel.", "graphql.operation.type", "http.request.method", "http.route", "http.response.status_code", "db.system", "db.operation.name", "db.query.text"]

const keptAttributes = (attributes: ReadableSpan["attributes"]): ReadableSpan["attributes"] =>
  Object.fromEntries(Object.entries(attributes).filter(([key]) => keptAttributePrefixes.some((prefix) => key.startsWith(prefix))))

/** An error is exported as its type only (`NotFound`, `ConcurrencyConflict`); its message and stack stay in the log. */
const keptEvents = (events: ReadableSpan["events"]): ReadableSpan["events"] =>
  events
    .filter((event) => event.name === "exception")
    .map((event) => ({ ...event, attributes: { "exception.type": String(event.attributes?.["exception.type"] ?? "Error") } }))

/** The span as exported: the same span (ids, times, links) with only the kept attributes, events and status code. */
export const scrubbedSpan = (span: ReadableSpan): ReadableSpan =>
  Object.create(span, {
    attributes: { value: keptAttributes(span.attributes) },
    events: { value: keptEvents(span.events) },
    status: { value: { code: span.status.code } }
  }) as ReadableSpan

export const scrubbedSpanExporter = (inner: SpanExporter): SpanExporter => ({
  export: (spans: Array<ReadableSpan>, done: Parameters<SpanExporter["export"]>[1]) => inner.export(spans.map(scrubbedSpan), done),
  shutdown: () => inner.shutdown(),
  forceFlush: () => inner.forceFlush?.() ?? Promise.resolve()
})
