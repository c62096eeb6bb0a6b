import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { gunzipSync } from "node:zlib"

/** A span as OTLP's JSON encoding carries it (the fields tests look at). */
export interface ExportedSpan {
  readonly name: string
  readonly spanId: string
  readonly parentSpanId?: string
  readonly traceId: string
  readonly attributes?: ReadonlyArray<{ readonly key: string; readonly value: Record<string, unknown> }>
  readonly events?: ReadonlyArray<{ readonly name: string; readonly attributes?: ReadonlyArray<{ readonly key: string }> }>
  readonly status?: { readonly code?: number; readonly message?: string }
}

interface TraceExport {
  readonly resourceSpans?: ReadonlyArray<{ readonly scopeSpans?: ReadonlyArray<{ readonly spans?: ReadonlyArray<ExportedSpan> }> }>
}

interface MetricExport {
  readonly resourceMetrics?: ReadonlyArray<{ readonly scopeMetrics?: ReadonlyArray<{ readonly metrics?: ReadonlyArray<{ readonly name: string }> }> }>
}

/**
 * A real OTLP/HTTP collector for tests: a node:http server that accepts JSON exports at `/v1/traces` and
 * `/v1/metrics` (as a collector would) and keeps every body as received, to search for what must not be there.
 */
export const startOtlpCollector = async () => {
  const bodies: Array<{ readonly path: string; readonly text: string }> = []
  const server = createServer((request, response) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => {
      const raw = Buffer.concat(chunks)
      const text = (request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8")
      const json = (request.headers["content-type"] ?? "").startsWith("application/json")
      if (request.method !== "POST" || !json || (request.url !== "/v1/traces" && request.url !== "/v1/metrics")) {
        response.writeHead(415).end()
        return
      }
      bodies.push({ path: request.url, text })
      response.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const { port } = server.address() as AddressInfo
  const of = (path: string) => bodies.filter((body) => body.path === path).map((body) => JSON.parse(body.text) as unknown)
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Every export body received, as text: what left the process. */
    received: () => bodies.map((body) => body.text).join("\n"),
    spans: (): ReadonlyArray<ExportedSpan> =>
      (of("/v1/traces") as ReadonlyArray<TraceExport>).flatMap((body) => (body.resourceSpans ?? []).flatMap((resource) => (resource.scopeSpans ?? []).flatMap((scope) => scope.spans ?? []))),
    metricNames: (): ReadonlySet<string> =>
      new Set(
        (of("/v1/metrics") as ReadonlyArray<MetricExport>).flatMap((body) =>
          (body.resourceMetrics ?? []).flatMap((resource) => (resource.scopeMetrics ?? []).flatMap((scope) => (scope.metrics ?? []).map((metric) => metric.name)))
        )
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export type OtlpCollector = Awaited<ReturnType<typeof startOtlpCollector>>

/** Whether `ancestor` is `span`'s parent, or its parent's parent, and so on. */
export const descendsFrom = (spans: ReadonlyArray<ExportedSpan>, span: ExportedSpan | undefined, ancestor: ExportedSpan | undefined): boolean => {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]))
  for (let parent = span?.parentSpanId; parent !== undefined && parent !== ""; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestor?.spanId) return true
  }
  return false
}
