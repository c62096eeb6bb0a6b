import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"

const policy = preset("lincolnshire")
let app: TestApp

/** A delivery as the webhook receiver (another process) records it in the shared store. */
const received = (deliveryId: string, outcome: string, answer: unknown) =>
  app.runtime.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql`INSERT INTO webhook_deliveries ${sql.insert({
        authority_id: policy.authority.id,
        delivery_id: deliveryId,
        source_id: "mosaic",
        event_type: "request.approved",
        body_sha256: "0".repeat(64),
        outcome,
        answer: JSON.stringify(answer),
        received_at: "2027-06-01T09:00:00.000Z",
        updated_at: "2027-06-01T09:00:00.000Z",
        waiting_for: null,
        body: '{"type":"request.approved","data":{"formId":"F-1","actor":{"personId":"tom-brackley","name":"Tom Brackley","role":"team_manager"}}}'
      })}`
    ) as Effect.Effect<unknown, unknown, never>
  )

const list = `query Deliveries($outcome: WebhookOutcome) { webhookDeliveries(outcome: $outcome) { deliveryId sourceId eventType outcome waitingFor code message } }`
const replay = `mutation Replay($input: ReplayWebhookDeliveryInput!) {
  replayWebhookDelivery(input: $input) { __typename ... on WebhookDelivery { deliveryId outcome waitingFor } ... on DomainError { code message } }
}`

beforeAll(async () => {
  const store = SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-deliveries-")) })
  app = await startTestApp([policy], { store, accessLog: store })
  await received("msg_refused", "refused", { status: 422, body: { code: "ReferralNotInStatus", detail: "The request is not awaiting approval." } })
  await received("msg_applied", "applied", { status: 200, body: { outcome: "applied" } })
})
afterAll(() => app.close())

describe("deliveries from case systems, for operators", () => {
  it("lists them newest first with the answer's code and message, filtered by outcome, never the body", async () => {
    const answer = await app.post(await app.token(policy.authority.id, ["integrator"]), list, { outcome: "refused" })
    expect(answer.body.data.webhookDeliveries).toEqual([
      { deliveryId: "msg_refused", sourceId: "mosaic", eventType: "request.approved", outcome: "refused", waitingFor: null, code: "ReferralNotInStatus", message: "The request is not awaiting approval." }
    ])
    expect(answer.text).not.toContain("Tom Brackley")
  })

  it("a refused delivery is put back to be tried again; an applied one, a missing one and a social worker are refused", async () => {
    const admin = await app.token(policy.authority.id, ["panel_administrator"])
    expect((await app.post(admin, replay, { input: { deliveryId: "msg_refused" } })).body.data.replayWebhookDelivery).toEqual({
      __typename: "WebhookDelivery",
      deliveryId: "msg_refused",
      outcome: "parked",
      waitingFor: null
    })
    expect((await app.post(admin, replay, { input: { deliveryId: "msg_applied" } })).body.data.replayWebhookDelivery.code).toBe("NotReplayable")
    expect((await app.post(admin, replay, { input: { deliveryId: "msg_nowhere" } })).body.data.replayWebhookDelivery.code).toBe("NotFound")
    const socialWorker = await app.post(await app.token(policy.authority.id, ["social_worker"]), list)
    expect(socialWorker.body.errors[0].extensions.code).toBe("NotPermitted")
  })
})
