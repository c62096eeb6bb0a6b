import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type ExportedSpan, type OtlpCollector, startOtlpCollector } from "@carepanel/app-kit/testing"
import { dispatcherConfig, preset } from "@carepanel/core"
import { exampleForm } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp } from "../support/harness.js"
import { readyRequest } from "../support/scenario.js"

const policy = preset("lincolnshire")
/** A child's name only this test uses: it must never leave the process in a span or a metric. */
const canary = { id: "child-canary-otel", name: "Tallulah Canarywood" }
let collector: OtlpCollector
let spans: ReadonlyArray<ExportedSpan>
let logs: ReadonlyArray<string>
let notifications: ReadonlyArray<string>
let refusal: { readonly text: string }
let unreadable: { readonly body: any }
const createDraft = `mutation CreateDraft($input: CreateReferralDraftInput!) { createReferralDraft(input: $input) { __typename ... on InvalidInput { problems { path message } } } }`

beforeAll(async () => {
  collector = await startOtlpCollector()
  const store = SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-otel-")) })
  const app = await startTestApp([policy], {
    store,
    accessLog: store,
    dispatcher: dispatcherConfig({ intervalMs: 100 }),
    telemetry: { serviceName: "carepanel-graphql-test", tracesUrl: `${collector.endpoint}/v1/traces`, metricsUrl: `${collector.endpoint}/v1/metrics`, headers: {}, metricIntervalMs: 60_000 }
  })
  const ready = await readyRequest(app, policy, canary)
  // A refusal that quotes the name back to the social worker who typed it (not a date of birth), as data, not a log.
  const socialWorker = await app.token(policy.authority.id, ["social_worker"])
  const form = exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: "child-canary-otel-2", name: canary.name })
  refusal = await app.post(socialWorker, createDraft, { input: { form: { ...form, children: [{ ...form.children[0]!, dateOfBirth: canary.name }] } } })
  // The child's name where the client's mistake is echoed, and in a path no route knows.
  await app.post(await app.token(policy.authority.id, ["social_worker"]), `{ referrals(first: "${canary.name}") { edges { cursor } } }`)
  await fetch(`${app.url}/${encodeURIComponent(canary.name)}`)
  // A record kept before a schema tightened (the name with a trailing space) no longer decodes: an unexpected error,
  // whose detail goes to the server log under its correlation id.
  await app.runtime.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE read_models SET doc = json_set(doc, '$.form.children[0].fullName', ${`${canary.name} `}) WHERE id = ${ready.id}`) as Effect.Effect<unknown>
  )
  unreadable = await app.post(await app.token(policy.authority.id, ["panel_administrator"]), "query Unreadable($id: ID!) { referral(id: $id) { __typename } }", { id: ready.id })
  await new Promise((resolve) => setTimeout(resolve, 300))
  // Closing the app flushes the spans and the metrics to the collector.
  await app.close()
  spans = collector.spans()
  logs = app.logs
  notifications = app.notifications
}, 120_000)
afterAll(() => collector?.close())

const named = (name: string) => spans.filter((span) => span.name === name)

describe("the API's logs (the server log and notices written to the log)", () => {
  it("say which field of which record did not decode, never the value it held (the child's name)", () => {
    const correlationId = unreadable.body.errors[0].extensions.correlationId
    const entry = logs.map((line) => JSON.parse(line)).find((logged) => logged.annotations?.correlationId === correlationId)
    expect(entry?.annotations.detail).toContain('["fullName"]')
    expect(entry?.annotations.detail).toContain("Expected a string with no leading or trailing whitespace, actual (value not logged)")
  })

  it("never hold the child's name, which a refusal answers only to the person who typed it", () => {
    expect(refusal.text).toContain("InvalidInput")
    expect(refusal.text).toContain(canary.name)
    expect(notifications.length).toBeGreaterThan(0)
    for (const written of [logs.join("\n"), notifications.join("\n")]) {
      expect(written).not.toContain("Canarywood")
      expect(written).not.toContain("Tallulah")
    }
  })
})

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
