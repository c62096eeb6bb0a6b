import { context, type Attributes, SpanStatusCode, trace } from "@opentelemetry/api"

/** A span begun outside Effect (a GraphQL operation) that the effects run inside it take as their parent. */
export interface ActiveSpan {
  /** Runs `work` with this span as the current one: spans begun in it, and in what it awaits, are its children. */
  readonly run: <T>(work: () => T) => T
  readonly end: (failed: boolean) => void
}

const tracer = () => trace.getTracer("carepanel")

/** A no-op unless telemetry is on (the global tracer provider is then the exporting one). */
export const startActiveSpan = (name: string, attributes: Attributes): ActiveSpan => {
  const span = tracer().startSpan(name, { attributes })
  const active = trace.setSpan(context.active(), span)
  return {
    run: (work) => context.with(active, work),
    end: (failed) => {
      span.setStatus({ code: failed ? SpanStatusCode.ERROR : SpanStatusCode.OK })
      span.end()
    }
  }
}
