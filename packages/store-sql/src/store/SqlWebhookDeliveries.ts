import { SqlClient } from "@effect/sql"
import { WebhookDeliveries } from "@carepanel/core"
import { Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { deliveryColumnsWithoutBody, keptDeliveryOf, deliverySummaryOf, type WebhookDeliveryRow } from "./webhookDeliveryRows.js"

const summaryOfRow = (row: WebhookDeliveryRow) => deliverySummaryOf(keptDeliveryOf(row))

/** The webhook receiver's `webhook_deliveries` table (migration 0006), for operators in any app on the store. */
export const makeSqlWebhookDeliveries = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const columns = sql.literal(deliveryColumnsWithoutBody)
    return WebhookDeliveries.of({
      list: (authorityId, filter) =>
        sql<WebhookDeliveryRow>`SELECT ${columns} FROM webhook_deliveries WHERE ${sql.and([
          sql`authority_id = ${authorityId}`,
          ...(filter.outcome === undefined ? [] : [sql`outcome = ${filter.outcome}`]),
          ...(filter.deliveryId === undefined ? [] : [sql`delivery_id = ${filter.deliveryId}`])
        ])}
          ORDER BY received_at DESC, delivery_id DESC LIMIT ${filter.limit}`.pipe(
          Effect.map((rows) => rows.map(summaryOfRow)),
          asPersistenceError("list deliveries")
        ),
      requestReplay: (authorityId, deliveryId, at) =>
        writeTransaction(Effect.gen(function* () {
          yield* sql`UPDATE webhook_deliveries SET outcome = 'parked', waiting_for = NULL, updated_at = ${at}
            WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId} AND outcome <> 'applied' AND body IS NOT NULL`
          const rows = yield* sql<WebhookDeliveryRow>`SELECT ${columns} FROM webhook_deliveries WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
          return rows[0] === undefined ? undefined : summaryOfRow(rows[0])
        })).pipe(asPersistenceError("ask for a delivery to be tried again"))
    })
  })
