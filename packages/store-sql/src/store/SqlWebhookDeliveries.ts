import { SqlClient } from "@effect/sql"
import { type DeliverySummary, WebhookDeliveries, type WebhookOutcome } from "@carepanel/core"
import { Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"

interface Row {
  delivery_id: string
  source_id: string
  event_type: string
  outcome: WebhookOutcome
  answer: string
  received_at: string
  updated_at: string
  waiting_for: string | null
}

/** The summary an operator may see: the answer's code and message, never the body. */
const summaryOf = (row: Row): DeliverySummary => {
  const body = (JSON.parse(row.answer) as { readonly body?: Record<string, unknown> }).body ?? {}
  const code = typeof body.code === "string" ? body.code : undefined
  const message = typeof body.detail === "string" ? body.detail : typeof body.title === "string" ? body.title : undefined
  return {
    deliveryId: row.delivery_id,
    sourceId: row.source_id,
    eventType: row.event_type,
    outcome: row.outcome,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    ...(row.waiting_for === null ? {} : { waitingFor: row.waiting_for }),
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message })
  }
}

const columns = "delivery_id, source_id, event_type, outcome, answer, received_at, updated_at, waiting_for"

/** The webhook receiver's `webhook_deliveries` table (migration 0006), for operators in any app on the store. */
export const makeSqlWebhookDeliveries = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return WebhookDeliveries.of({
    list: (authorityId, filter) =>
      (filter.outcome === undefined
        ? sql<Row>`SELECT ${sql.literal(columns)} FROM webhook_deliveries WHERE authority_id = ${authorityId}
            ORDER BY received_at DESC, delivery_id DESC LIMIT ${filter.limit}`
        : sql<Row>`SELECT ${sql.literal(columns)} FROM webhook_deliveries WHERE authority_id = ${authorityId} AND outcome = ${filter.outcome}
            ORDER BY received_at DESC, delivery_id DESC LIMIT ${filter.limit}`
      ).pipe(
        Effect.map((rows) => rows.map(summaryOf)),
        asPersistenceError("list deliveries")
      ),
    requestReplay: (authorityId, deliveryId, at) =>
      writeTransaction(Effect.gen(function* () {
        yield* sql`UPDATE webhook_deliveries SET outcome = 'parked', waiting_for = NULL, updated_at = ${at}
          WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId} AND outcome <> 'applied'`
        const rows = yield* sql<Row>`SELECT ${sql.literal(columns)} FROM webhook_deliveries WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
        return rows[0] === undefined ? undefined : summaryOf(rows[0])
      })).pipe(asPersistenceError("ask for a delivery to be tried again"))
  })
})
