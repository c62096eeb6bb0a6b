import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type ExportedSpan, type OtlpCollector, startOtlpCollector } from "@carepanel/app-kit/testing"
import { dispatcherConfig, preset } from "@carepanel/core"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp } from "../support/harness.js"
import { readyRequest } from "../support/scenario.js"

const policy = preset("lincolnshire")
/** A child's name only this test uses: it must never leave the process in a span or a metric. */
const canary = { id: "child-canary-otel", name: "Tallulah Canarywood" }
let collector: OtlpCollector
let spans: ReadonlyArray<ExportedSpan>

beforeAll(async () => {
  collector = await startOtlpCollector()
  const store = SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-otel-")) })
  const app = await startTestApp([policy], {
    store,
    accessLog: store,
    dispatcher: dispatcherConfig({ intervalMs: 100 }),
    telemetry: { serviceName: "carepanel-graphql-test", tracesUrl: `${collector.endpoint}/v1/traces`, metricsUrl: `${collector.endpoint}/v1/metrics`, headers: {}, metricIntervalMs: 60_000 }
  })
  await readyRequest(app, policy, canary)
  // The child's name where the client's mistake is echoed, and in a path no route knows.
  await app.post(await app.token(policy.authority.id, ["social_worker"]), `{ referrals(first: "${canary.name}") { edges { cursor } } }`)
  await fetch(`${app.url}/${encodeURIComponent(canary.name)}`)
  await new Promise((resolve) => setTimeout(resolve, 300))
  // Closing the app flushes the spans and the metrics to the collector.
  await app.close()
  spans = collector.spans()
}, 120_000)
afterAll(() => collector?.close())

const named = (name: string) => spans.filter((span) => span.name === name)

describe("OpenTelemetry export from the API (a real OTLP/HTTP collector, JSON)", () => {
  it("sends one span per GraphQL operation, parent of its use case's span, itself parent of the store calls and their SQL", () => {
    const submit = named("core.Referrals.submit")[0]
    expect(submit, spans.map((span) => span.name).join(", ")).toBeDefined()
    const operation = spans.find((span) => span.spanId === submit!.parentSpanId)
    expect(operation?.name).toBe("graphql.mutation")
    expect(operation?.attributes).toContainEqual({ key: "carepanel.graphql.fields", value: { stringValue: "submitReferral" } })
    const storeCalls = spans.filter((span) => span.parentSpanId === submit!.spanId && span.name.startsWith("store."))
    expect(storeCalls.map((span) => span.name)).toContain("store.EventStore.append")
    expect(spans.some((span) => span.name === "sql.execute" && storeCalls.some((call) => call.spanId === span.parentSpanId))).toBe(true)
  })

  it("sends a span per outbox delivery, and the request and outbox-lag metrics", () => {
    expect(named("outbox.Notifier.deliver").length).toBeGreaterThan(0)
    expect(collector.metricNames()).toContain("http.server.request.duration")
    expect(collector.metricNames()).toContain("carepanel.outbox.lag")
  })

  it("never exports the child's name, nor an error's message, in any span, attribute, event or metric label", () => {
    expect(spans.length).toBeGreaterThan(20)
    const received = collector.received()
    expect(received).not.toContain(canary.name.split(" ")[1])
    expect(received).not.toContain(canary.name.split(" ")[0])
    expect(received).toContain('"http.route"')
    expect(received).toContain('"unmatched"')
    expect(spans.every((span) => span.status?.message === undefined || span.status.message === "")).toBe(true)
  })
})
