import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { erasedAnswer, SqliteStoreLayer } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"

const policy = preset("lincolnshire")
let app: TestApp

/** A delivery as the webhook receiver (another process) records it in the shared store. */
const received = (deliveryId: string, outcome: string, answer: unknown, at = "2027-06-01T09:00:00.000Z", waitingFor: string | null = null) =>
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
        received_at: at,
        updated_at: at,
        waiting_for: waitingFor,
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
  await received("msg_refused", "refused", { status: 422, body: { code: "ReferralNotInStatus", detail: "The request is not awaiting approval." }, listed: "The request is not awaiting approval." })
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

  it("a parked delivery names the record it waits for; the list is newest first, as many as asked, and a count out of range is refused in words", async () => {
    await received("msg_parked_later", "parked", { status: 202, body: { outcome: "parked" } }, "2027-06-03T09:00:00.000Z", "ref_waited_for")
    await received("msg_dead_between", "dead", { status: 202, body: { outcome: "dead" } }, "2027-06-02T09:00:00.000Z")
    const operator = await app.token(policy.authority.id, ["integrator"])
    const sized = `query Sized($first: Int) { webhookDeliveries(first: $first) { deliveryId outcome waitingFor } }`
    const ids = async (first: number | null) => {
      const answer = await app.post(operator, sized, { first })
      expect(answer.body.errors, answer.text).toBeUndefined()
      return answer.body.data.webhookDeliveries.map((delivery: { deliveryId: string }) => delivery.deliveryId)
    }
    const all = (await app.post(operator, sized, {})).body.data.webhookDeliveries
    expect(all[0]).toEqual({ deliveryId: "msg_parked_later", outcome: "parked", waitingFor: "ref_waited_for" })
    expect(all.map((delivery: { deliveryId: string }) => delivery.deliveryId)).toEqual(["msg_parked_later", "msg_dead_between", "msg_refused", "msg_applied"])
    expect(await ids(null)).toEqual(["msg_parked_later", "msg_dead_between", "msg_refused", "msg_applied"])
    expect(await ids(2)).toEqual(["msg_parked_later", "msg_dead_between"])
    expect(await ids(1)).toEqual(["msg_parked_later"])
    expect(await ids(0)).toEqual([])
    for (const first of [-5, 201]) {
      const refused = await app.post(operator, sized, { first })
      expect(refused.body.errors[0]).toMatchObject({ message: `Please correct: first must be from 0 to 200, not ${first}.`, extensions: { code: "InvalidInput" } })
    }
  })

  it("docs/webhooks.md's operator examples: a delivery by its webhook-id, and a replay with its refusals' words", async () => {
    const [byId, replayed] = [...repositoryFile("docs/webhooks.md").matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!)
    expect(byId, "docs/webhooks.md holds the two operator examples").toContain("webhookDeliveries(deliveryId: $id)")
    await received("msg_docs_refused", "refused", { status: 422, body: { code: "NotPermitted", detail: "Only a team manager can approve a panel request." }, listed: "Only a team manager can approve a panel request." }, "2027-06-01T08:00:00.000Z")
    const integrator = await app.token(policy.authority.id, ["integrator"])
    const found = await app.post(integrator, byId!, { id: "msg_docs_refused" })
    expect(found.body.errors, found.text).toBeUndefined()
    expect(found.body.data.webhookDeliveries).toMatchObject([{ deliveryId: "msg_docs_refused", outcome: "refused", code: "NotPermitted", message: "Only a team manager can approve a panel request." }])
    expect((await app.post(integrator, replayed!, { id: "msg_docs_refused" })).body.data.replayWebhookDelivery).toEqual({
      __typename: "WebhookDelivery",
      deliveryId: "msg_docs_refused",
      outcome: "parked",
      waitingFor: null
    })
    expect((await app.post(integrator, replayed!, { id: "msg_applied" })).body.data.replayWebhookDelivery).toMatchObject({ __typename: "NotReplayable", code: "NotReplayable", why: expect.stringContaining("applied") })
  })

  it("finds one delivery by the sender's webhook-id, however many came after it (before: no way but reading the newest 200)", async () => {
    const operator = await app.token(policy.authority.id, ["integrator"])
    const one = `query One($id: ID!) { webhookDeliveries(deliveryId: $id) { deliveryId outcome code message } }`
    // The oldest of the deliveries (msg_refused was replayed above, and is parked again).
    expect((await app.post(operator, one, { id: "msg_refused" })).body.data.webhookDeliveries).toEqual([
      { deliveryId: "msg_refused", outcome: "parked", code: "ReferralNotInStatus", message: "The request is not awaiting approval." }
    ])
    expect((await app.post(operator, one, { id: "msg_nowhere" })).body.data.webhookDeliveries).toEqual([])
  })

  it("never lists a refusal's words naming a parent or child, to any operator: its code and where the words went instead", async () => {
    const words = "The child cannot be accommodated under s20 until the consent record shows: to whom Marigold Canarywood gave consent (STAT-S20-CONSENT)."
    const instead = "The case system was told why in its answer (STAT-S20-CONSENT); those words are not listed here, since they can name the child or family."
    await received("msg_s20_canary", "refused", { status: 422, body: { title: "Carepanel refused the event.", code: "S20ConsentIncomplete", detail: words }, listed: instead }, "2027-05-01T09:00:00.000Z")
    // As a receiver before words for operators were kept: only the answer's detail.
    await received("msg_s20_canary_kept_before", "refused", { status: 422, body: { title: "Carepanel refused the event.", code: "S20ConsentIncomplete", detail: words } }, "2027-05-01T08:00:00.000Z")
    const one = `query One($id: ID!) { webhookDeliveries(deliveryId: $id) { deliveryId code message } }`
    for (const token of [
      await app.token(policy.authority.id, ["integrator"]),
      await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] }),
      await app.token(policy.authority.id, ["panel_administrator"])
    ]) {
      const answer = await app.post(token, one, { id: "msg_s20_canary" })
      expect(answer.body.data.webhookDeliveries).toEqual([{ deliveryId: "msg_s20_canary", code: "S20ConsentIncomplete", message: instead }])
      const before = await app.post(token, one, { id: "msg_s20_canary_kept_before" })
      expect(before.body.data.webhookDeliveries).toEqual([{ deliveryId: "msg_s20_canary_kept_before", code: "S20ConsentIncomplete", message: "Carepanel refused the event." }])
      expect(answer.text + before.text).not.toContain("Canarywood")
    }
  })

  it("a delivery whose body was erased after the retention period says when, and why it cannot be tried again", async () => {
    const erasedAt = "2027-09-01T02:00:00.000Z"
    const words = { status: 422, body: { code: "ReferralNotInStatus", detail: "The request is not awaiting approval." }, listed: "The request is not awaiting approval." }
    await received("msg_erased", "refused", erasedAnswer(words, erasedAt, 90), "2027-05-20T09:00:00.000Z")
    await app.runtime.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE webhook_deliveries SET body = NULL WHERE delivery_id = 'msg_erased'`) as Effect.Effect<unknown, unknown, never>
    )
    const operator = await app.token(policy.authority.id, ["integrator"])
    const erased = `query Erased($id: ID) { webhookDeliveries(deliveryId: $id) { deliveryId outcome erasedAt message } }`
    const [delivery] = (await app.post(operator, erased, { id: "msg_erased" })).body.data.webhookDeliveries
    expect(delivery).toMatchObject({ deliveryId: "msg_erased", outcome: "refused", erasedAt })
    expect(delivery.message).toContain("erased on 2027-09-01")
    const kept = (await app.post(operator, erased, { id: "msg_applied" })).body.data.webhookDeliveries
    expect(kept).toEqual([{ deliveryId: "msg_applied", outcome: "applied", erasedAt: null, message: null }])
    const replayed = await app.post(await app.token(policy.authority.id, ["panel_administrator"]), replay, { input: { deliveryId: "msg_erased" } })
    expect(replayed.body.data.replayWebhookDelivery).toMatchObject({ code: "NotReplayable", message: expect.stringContaining("erased on 2027-09-01") })
  })
})
