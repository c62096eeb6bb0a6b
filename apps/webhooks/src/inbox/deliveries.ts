import type { WebhookOutcome } from "@carepanel/core"
import { deliveryColumnsWithoutBody, type KeptAnswer, type KeptDelivery, keptDeliveryOf, directly, type WebhookDeliveryRow, webhookDeliveryRowOf } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { dead } from "./answer.js"

/** One delivery as the receiver keeps it (`webhook_deliveries`; its row mapping is the SQL store's). */
export type DeliveryRow = KeptDelivery

/** A delivery's record without its body (which a repeat's answer does not need), or undefined. */
export const findDelivery = (authorityId: string, deliveryId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      directly(
        sql,
        sql<WebhookDeliveryRow>`SELECT ${sql.literal(deliveryColumnsWithoutBody)} FROM webhook_deliveries WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
      ),
      (rows) => (rows[0] === undefined ? undefined : keptDeliveryOf(rows[0]))
    )
  )

export const insertDelivery = (delivery: KeptDelivery) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => directly(sql, sql`INSERT INTO webhook_deliveries ${sql.insert({ ...webhookDeliveryRowOf(delivery) })}`))

/**
 * A kept delivery applied, refused or parked again later, with what it is answered now: a repeat of its id hears
 * what became of it (and operators read the refusal's code and words), not the 202 it was answered while it waited.
 */
export const settleDelivery = (authorityId: string, deliveryId: string, outcome: WebhookOutcome, answer: KeptAnswer, now: string, waitingFor?: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const text = JSON.stringify(answer)
    return outcome === "applied"
      ? sql`UPDATE webhook_deliveries SET outcome = ${outcome}, answer = ${text}, updated_at = ${now}, waiting_for = NULL, body = NULL
          WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
      : sql`UPDATE webhook_deliveries SET outcome = ${outcome}, answer = ${text}, updated_at = ${now}, waiting_for = ${waitingFor ?? null}
          WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
  })

/** Deliveries an operator asked to be tried again (parked, waiting for nothing), oldest request first. */
export const replaysRequested = (limit: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<WebhookDeliveryRow>`SELECT * FROM webhook_deliveries WHERE outcome = 'parked' AND waiting_for IS NULL ORDER BY updated_at, delivery_id LIMIT ${limit}`,
      (rows) => rows.map(keptDeliveryOf)
    )
  )

/** Parked deliveries waiting for a record, oldest first. */
export const parkedFor = (authorityId: string, waitingFor: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      directly(
        sql,
        sql<WebhookDeliveryRow>`SELECT * FROM webhook_deliveries WHERE authority_id = ${authorityId} AND outcome = 'parked'
          AND waiting_for = ${waitingFor} ORDER BY received_at, delivery_id`
      ),
      (rows) => rows.map(keptDeliveryOf)
    )
  )

/**
 * Parked longer than the configured time (since it was last parked): dead, listed for an operator to replay, and
 * answered so to a repeat of its id. Each only if still parked as it was read (a record may release it meanwhile).
 * Answers how many.
 */
export const expireParked = (parkedBefore: string, now: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.flatMap(
      sql<{ authority_id: string; delivery_id: string; waiting_for: string }>`SELECT authority_id, delivery_id, waiting_for FROM webhook_deliveries
        WHERE outcome = 'parked' AND waiting_for IS NOT NULL AND updated_at < ${parkedBefore}`,
      (stale) =>
        Effect.map(
          Effect.forEach(stale, (row) =>
            sql<{ delivery_id: string }>`UPDATE webhook_deliveries SET outcome = 'dead', answer = ${JSON.stringify(dead(row.delivery_id, row.waiting_for))}, updated_at = ${now}
              WHERE authority_id = ${row.authority_id} AND delivery_id = ${row.delivery_id} AND outcome = 'parked' AND waiting_for = ${row.waiting_for}
              AND updated_at < ${parkedBefore} RETURNING delivery_id`
          ),
          (updated) => updated.filter((rows) => rows.length > 0).length
        )
    )
  )
