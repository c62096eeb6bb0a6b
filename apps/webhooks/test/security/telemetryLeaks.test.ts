import { descendsFrom, type ExportedSpan, type OtlpCollector, startOtlpCollector } from "@carepanel/app-kit/testing"
import { LogLevel } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { submitted, withdrawn } from "../support/fixtures.js"
import { deliver, startTestReceiver } from "../support/receiver.js"

/** A child's name only this test uses: it must never leave the process in a span or a metric. */
const canary = { id: "child-canary-otel", name: "Tallulah Canarywood" }
let collector: OtlpCollector
let spans: ReadonlyArray<ExportedSpan>
/** The receiver's JSON log lines, at its default level (Info). */
const logs: string[] = []

beforeAll(async () => {
  collector = await startOtlpCollector()
  const receiver = await startTestReceiver({
    logLevel: LogLevel.Info,
    log: (line) => logs.push(line),
    telemetry: { serviceName: "carepanel-webhooks-test", tracesUrl: `${collector.endpoint}/v1/traces`, metricsUrl: `${collector.endpoint}/v1/metrics`, headers: {}, metricIntervalMs: 60_000 }
  })
  expect((await deliver(receiver.url, submitted("form-canary", canary))).status).toBe(200)
  // A refusal whose reason carries the name, and an event whose shape is wrong at the name.
  expect((await deliver(receiver.url, withdrawn("form-canary", `${canary.name} moved away`))).status).toBe(200)
  expect((await deliver(receiver.url, withdrawn("form-canary", `${canary.name} again`))).status).toBe(422)
  expect((await deliver(receiver.url, { type: "request.withdrawn", data: { formId: canary.name } })).status).toBe(422)
  // Closing the receiver flushes the spans and the metrics to the collector.
  await receiver.close()
  spans = collector.spans()
}, 120_000)
afterAll(() => collector?.close())

describe("the webhook receiver's logs", () => {
  it("say what became of each delivery, never the child's name or a refusal's reason", () => {
    expect(logs.filter((line) => JSON.parse(line).message === "delivery").map((line) => JSON.parse(line).annotations.outcome)).toEqual(["applied", "applied", "refused"])
    const written = logs.join("\n")
    expect(written).not.toContain("Canarywood")
    expect(written).not.toContain("Tallulah")
    expect(written).not.toContain("moved away")
  })
})

describe("OpenTelemetry export from the webhook receiver (a real OTLP/HTTP collector, JSON)", () => {
  it("sends one span per verified webhook delivery (the one refused for its shape too), parent of the use case's span and its store calls", () => {
    const deliveries = spans.filter((span) => span.name === "webhook.delivery")
    expect(deliveries.length, spans.map((span) => span.name).join(", ")).toBe(4)
    const submit = spans.find((span) => span.name === "core.Referrals.submit")
    expect(deliveries.some((delivery) => descendsFrom(spans, submit, delivery))).toBe(true)
    expect(spans.some((span) => span.name === "store.EventStore.append" && descendsFrom(spans, span, submit))).toBe(true)
    expect(collector.metricNames()).toContain("http.server.request.duration")
    // What each delivery was answered, on its span: an operator finds the 422s in the traces.
    const answered = deliveries.map((span) => span.attributes?.find((attribute) => attribute.key === "http.response.status_code")?.value.intValue)
    expect(answered.map(Number).sort()).toEqual([200, 200, 422, 422])
  })

  it("never exports the child's name, the refusal's reason nor an error's message", () => {
    const received = collector.received()
    expect(received).not.toContain("Canarywood")
    expect(received).not.toContain("Tallulah")
    expect(received).not.toContain("moved away")
    expect(received).toContain('"carepanel.webhook.event_type"')
  })
})
