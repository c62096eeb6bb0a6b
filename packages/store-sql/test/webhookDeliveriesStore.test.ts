import { SqlClient } from "@effect/sql"
import { type AuthorityId, PersistenceError, WebhookDeliveries } from "@carepanel/core"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { eraseSettledBodies, type KeptDelivery, webhookDeliveryRowOf } from "../src/index.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const wexcombe = "wexcombe" as AuthorityId
const harlow = "harlow" as AuthorityId

const delivery = (deliveryId: string, outcome: KeptDelivery["outcome"], receivedAt: string, more: Partial<KeptDelivery> = {}): KeptDelivery => ({
  authorityId: wexcombe,
  deliveryId,
  sourceId: "mosaic",
  eventType: "request.submitted",
  bodySha256: "0".repeat(64),
  outcome,
  answer: { status: 202, body: { title: "Accepted" } },
  receivedAt,
  updatedAt: receivedAt,
  body: '{"data":{"child":"Robin Ashdale"}}',
  ...more
})

/** What the receiver kept for Wexcombe (and one delivery of Harlow's with an id Wexcombe also used). */
const kept: ReadonlyArray<KeptDelivery> = [
  delivery("msg_a", "applied", "2026-12-01T09:00:00.000Z"),
  delivery("msg_b", "refused", "2026-12-01T09:05:00.000Z", {
    eventType: "request.withdrawn",
    answer: {
      status: 422,
      body: { title: "Carepanel refused the event.", code: "ReferralNotInStatus", detail: "You cannot withdraw this request." },
      listed: "You cannot withdraw this request."
    }
  }),
  delivery("msg_c", "parked", "2026-12-01T09:10:00.000Z", { waitingFor: "mosaic/request/f-1", answer: { status: 202, body: { title: "Parked" } } }),
  delivery("msg_d", "dead", "2026-12-01T09:10:00.000Z", { waitingFor: "mosaic/request/f-2", answer: { status: 202, body: { title: "Parked" } } }),
  delivery("msg_e", "refused", "2026-12-01T09:20:00.000Z", { answer: { status: 400, body: { title: "The event's data is not valid." } } }),
  delivery("msg_b", "refused", "2026-12-01T10:00:00.000Z", { authorityId: "harlow", answer: { status: 422, body: { title: "Refused", code: "NotFound" } } })
]

const keep = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  for (const row of kept) yield* sql`INSERT INTO webhook_deliveries ${sql.insert({ ...webhookDeliveryRowOf(row) })}`
})

const failureOf = <A, E>(exit: Exit.Exit<A, E>) => (Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined)

for (const { name, fresh } of dialects) {
  describe(`${name}: the receiver's deliveries, for operators (list and replay)`, () => {
    it("lists an authority's deliveries newest first, by outcome and up to the limit, with the answer's code and message and never the body", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          yield* keep
          const deliveries = yield* WebhookDeliveries
          const ids = (list: ReadonlyArray<{ readonly deliveryId: string }>) => list.map((summary) => summary.deliveryId)
          // Two received at the same moment: the later id first.
          expect(ids(yield* deliveries.list(wexcombe, { limit: 50 }))).toEqual(["msg_e", "msg_d", "msg_c", "msg_b", "msg_a"])
          expect(ids(yield* deliveries.list(wexcombe, { limit: 2 }))).toEqual(["msg_e", "msg_d"])
          expect(ids(yield* deliveries.list(wexcombe, { outcome: "refused", limit: 50 }))).toEqual(["msg_e", "msg_b"])
          expect(ids(yield* deliveries.list(wexcombe, { outcome: "refused", limit: 1 }))).toEqual(["msg_e"])
          expect(ids(yield* deliveries.list(wexcombe, { outcome: "dead", limit: 50 }))).toEqual(["msg_d"])
          expect(ids(yield* deliveries.list(harlow, { limit: 50 }))).toEqual(["msg_b"])
          expect(yield* deliveries.list("elsewhere" as AuthorityId, { limit: 50 })).toEqual([])
          // One delivery by the sender's webhook-id, however many came after it; the authority's own only.
          expect(ids(yield* deliveries.list(wexcombe, { deliveryId: "msg_b", limit: 1 }))).toEqual(["msg_b"])
          expect((yield* deliveries.list(harlow, { deliveryId: "msg_b", limit: 1 }))[0]?.code).toBe("NotFound")
          expect(ids(yield* deliveries.list(wexcombe, { deliveryId: "msg_b", outcome: "parked", limit: 1 }))).toEqual([])
          expect(ids(yield* deliveries.list(wexcombe, { deliveryId: "msg_nowhere", limit: 50 }))).toEqual([])

          const refused = yield* deliveries.list(wexcombe, { outcome: "refused", limit: 50 })
          expect(refused).toEqual([
            {
              deliveryId: "msg_e",
              sourceId: "mosaic",
              eventType: "request.submitted",
              outcome: "refused",
              receivedAt: "2026-12-01T09:20:00.000Z",
              updatedAt: "2026-12-01T09:20:00.000Z",
              message: "The event's data is not valid."
            },
            {
              deliveryId: "msg_b",
              sourceId: "mosaic",
              eventType: "request.withdrawn",
              outcome: "refused",
              receivedAt: "2026-12-01T09:05:00.000Z",
              updatedAt: "2026-12-01T09:05:00.000Z",
              code: "ReferralNotInStatus",
              message: "You cannot withdraw this request."
            }
          ])
          expect(yield* deliveries.list(wexcombe, { outcome: "parked", limit: 50 })).toEqual([
            expect.objectContaining({ deliveryId: "msg_c", waitingFor: "mosaic/request/f-1", message: "Parked" })
          ])
          // The body (a child's data) is in no summary.
          expect(JSON.stringify(yield* deliveries.list(wexcombe, { limit: 50 }))).not.toContain("Robin Ashdale")
        })
      ))

    it("puts a refused, dead or parked delivery back to be tried again (parked, waiting for nothing), leaves an applied one, and answers undefined for an unknown id", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          yield* keep
          const deliveries = yield* WebhookDeliveries
          const sql = yield* SqlClient.SqlClient
          const at = "2026-12-02T08:30:00.000Z"

          expect(yield* deliveries.requestReplay(wexcombe, "msg_b", at)).toEqual({
            deliveryId: "msg_b",
            sourceId: "mosaic",
            eventType: "request.withdrawn",
            outcome: "parked",
            receivedAt: "2026-12-01T09:05:00.000Z",
            updatedAt: at,
            code: "ReferralNotInStatus",
            message: "You cannot withdraw this request."
          })
          const dead = yield* deliveries.requestReplay(wexcombe, "msg_d", at)
          expect(dead).toMatchObject({ deliveryId: "msg_d", outcome: "parked", updatedAt: at })
          expect(dead).not.toHaveProperty("waitingFor")
          const parked = yield* deliveries.requestReplay(wexcombe, "msg_c", at)
          expect(parked).toMatchObject({ deliveryId: "msg_c", outcome: "parked", updatedAt: at })
          expect(parked).not.toHaveProperty("waitingFor")

          // Applied: answered as it is, unchanged.
          expect(yield* deliveries.requestReplay(wexcombe, "msg_a", at)).toMatchObject({ deliveryId: "msg_a", outcome: "applied", updatedAt: "2026-12-01T09:00:00.000Z" })
          expect(yield* deliveries.requestReplay(wexcombe, "msg_unknown", at)).toBeUndefined()
          expect(yield* deliveries.requestReplay(harlow, "msg_e", at)).toBeUndefined()

          // Harlow's msg_b is another delivery: Wexcombe's replay left it refused.
          expect(yield* deliveries.list(harlow, { limit: 50 })).toEqual([expect.objectContaining({ deliveryId: "msg_b", outcome: "refused", updatedAt: "2026-12-01T10:00:00.000Z" })])
          expect((yield* deliveries.list(wexcombe, { outcome: "parked", limit: 50 })).map((summary) => summary.deliveryId)).toEqual(["msg_d", "msg_c", "msg_b"])
          // The receivers pick up what is parked waiting for nothing; the body stays for the replay.
          const waiting = yield* sql<{ delivery_id: string; body: string | null }>`SELECT delivery_id, body FROM webhook_deliveries
            WHERE authority_id = ${wexcombe} AND outcome = 'parked' AND waiting_for IS NULL ORDER BY delivery_id`
          expect(waiting.map((row) => [row.delivery_id, row.body !== null])).toEqual([
            ["msg_b", true],
            ["msg_c", true],
            ["msg_d", true]
          ])
        })
      ))

    it("UK GDPR art. 5(1)(e): a delivery refused or dead before the retention period loses its body and words, keeps its id, outcome, dates and code, and can no longer be replayed; two sweeps at once erase each once", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          yield* keep
          const deliveries = yield* WebhookDeliveries
          const sql = yield* SqlClient.SqlClient
          const now = "2027-03-01T09:00:00.000Z"
          // Refused or dead before 09:15 on 1 December: Wexcombe's msg_b and msg_d; not msg_e (later), nor the parked or applied.
          const [one, two] = yield* Effect.all([eraseSettledBodies("2026-12-01T09:15:00.000Z", now, 90), eraseSettledBodies("2026-12-01T09:15:00.000Z", now, 90)], {
            concurrency: 2
          })
          expect(one + two).toBe(2)
          const rows = yield* sql<{ delivery_id: string; outcome: string; updated_at: string; body: string | null }>`SELECT delivery_id, outcome, updated_at, body
            FROM webhook_deliveries WHERE authority_id = ${wexcombe} ORDER BY delivery_id`
          expect(rows.map((row) => [row.delivery_id, row.outcome, row.updated_at, row.body !== null])).toEqual([
            ["msg_a", "applied", "2026-12-01T09:00:00.000Z", false],
            ["msg_b", "refused", "2026-12-01T09:05:00.000Z", false],
            ["msg_c", "parked", "2026-12-01T09:10:00.000Z", true],
            ["msg_d", "dead", "2026-12-01T09:10:00.000Z", false],
            ["msg_e", "refused", "2026-12-01T09:20:00.000Z", true]
          ])
          const words =
            "Its body and details were erased on 2027-03-01, 90 days after it was last refused or dead (the receiver's retention period), so it cannot be tried again; send the event again under a new webhook-id to have it considered."
          const [answer] = yield* sql<{ answer: string }>`SELECT answer FROM webhook_deliveries WHERE authority_id = ${wexcombe} AND delivery_id = 'msg_b'`
          // A repeat of the id is answered as before (422, its code), with why in place of the refusal's words.
          expect(JSON.parse(answer!.answer)).toEqual({
            status: 422,
            body: { title: "Carepanel refused the event.", code: "ReferralNotInStatus", detail: words, erasedAt: now },
            listed: words
          })
          expect((yield* deliveries.list(wexcombe, { deliveryId: "msg_b", limit: 1 }))[0]).toMatchObject({ outcome: "refused", code: "ReferralNotInStatus", message: words, erasedAt: now })
          expect(JSON.stringify(yield* deliveries.list(wexcombe, { limit: 50 }))).not.toContain("You cannot withdraw")
          // A replay leaves it refused and erased (the use case says why); Harlow's msg_b, refused later than 09:15, is kept whole.
          expect(yield* deliveries.requestReplay(wexcombe, "msg_b", now)).toMatchObject({ outcome: "refused", updatedAt: "2026-12-01T09:05:00.000Z", erasedAt: now })
          expect((yield* deliveries.list(harlow, { limit: 1 }))[0]).not.toHaveProperty("erasedAt")
          expect(yield* eraseSettledBodies("2026-12-01T09:15:00.000Z", now, 90)).toBe(0)
        })
      ))

    it("a sweep erases at most 500 deliveries, oldest first, found by their own index, so a first sweep on a large store is spread over several", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const row = (i: number) =>
            webhookDeliveryRowOf({ ...kept[1]!, deliveryId: `msg_old_${String(i).padStart(3, "0")}`, updatedAt: `2026-11-01T09:${String(i % 60).padStart(2, "0")}:00.000Z` })
          yield* sql`INSERT INTO webhook_deliveries ${sql.insert(Array.from({ length: 501 }, (_, i) => ({ ...row(i) })))}`
          expect(yield* eraseSettledBodies("2026-12-01T00:00:00.000Z", "2027-03-01T09:00:00.000Z", 90)).toBe(500)
          expect(yield* eraseSettledBodies("2026-12-01T00:00:00.000Z", "2027-03-01T09:00:00.000Z", 90)).toBe(1)
          const plan = yield* sql.onDialectOrElse({
            sqlite: () => sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT delivery_id FROM webhook_deliveries
              WHERE outcome IN ('refused', 'dead') AND body IS NOT NULL AND updated_at < '2026-12-01' ORDER BY updated_at LIMIT 500`,
            orElse: () => Effect.succeed([{ detail: "webhook_deliveries_erasable" }])
          })
          expect(plan.map((step) => step.detail).join(" ")).toContain("webhook_deliveries_erasable")
        })
      ))

    it("a database that cannot answer fails as a PersistenceError naming what the operator asked for", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const deliveries = yield* WebhookDeliveries
          const sql = yield* SqlClient.SqlClient
          yield* sql`DROP TABLE webhook_deliveries`
          const listed = failureOf(yield* Effect.exit(deliveries.list(wexcombe, { limit: 50 })))
          expect(listed).toBeInstanceOf(PersistenceError)
          expect(listed).toMatchObject({
            operation: "list deliveries",
            message: "The database could not list deliveries. Please try again; if it keeps happening, tell your administrator."
          })
          const filtered = failureOf(yield* Effect.exit(deliveries.list(wexcombe, { outcome: "dead", limit: 50 })))
          expect(filtered).toMatchObject({ operation: "list deliveries" })
          const replayed = failureOf(yield* Effect.exit(deliveries.requestReplay(wexcombe, "msg_b", "2026-12-02T08:30:00.000Z")))
          expect(replayed).toBeInstanceOf(PersistenceError)
          expect(replayed).toMatchObject({
            operation: "ask for a delivery to be tried again",
            message: "The database could not ask for a delivery to be tried again. Please try again; if it keeps happening, tell your administrator."
          })
        })
      ))
  })
}
