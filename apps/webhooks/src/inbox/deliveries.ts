import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type { Answer, Outcome } from "./answer.js"

/** One delivery as the receiver keeps it (table `webhook_deliveries`, migration 0006 of the SQL store). */
export interface DeliveryRow {
  readonly authorityId: string
  readonly deliveryId: string
  readonly sourceId: string
  readonly eventType: string
  readonly bodySha256: string
  readonly outcome: Outcome
  readonly answer: Answer
  readonly receivedAt: string
  readonly waitingFor?: string | undefined
  /** Kept while the delivery may be applied again (parked, refused, dead); dropped once applied. */
  readonly body?: string | undefined
}

interface Row {
  authority_id: string
  delivery_id: string
  source_id: string
  event_type: string
  body_sha256: string
  outcome: Outcome
  answer: string
  received_at: string
  waiting_for: string | null
  body: string | null
}

const fromRow = (row: Row): DeliveryRow => ({
  authorityId: row.authority_id,
  deliveryId: row.delivery_id,
  sourceId: row.source_id,
  eventType: row.event_type,
  bodySha256: row.body_sha256,
  outcome: row.outcome,
  answer: JSON.parse(row.answer) as Answer,
  receivedAt: row.received_at,
  waitingFor: row.waiting_for ?? undefined,
  body: row.body ?? undefined
})

export const findDelivery = (authorityId: string, deliveryId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<Row>`SELECT * FROM webhook_deliveries WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`,
      (rows) => (rows[0] === undefined ? undefined : fromRow(rows[0]))
    )
  )

export const insertDelivery = (delivery: DeliveryRow, now: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`INSERT INTO webhook_deliveries ${sql.insert({
      authority_id: delivery.authorityId,
      delivery_id: delivery.deliveryId,
      source_id: delivery.sourceId,
      event_type: delivery.eventType,
      body_sha256: delivery.bodySha256,
      outcome: delivery.outcome,
      answer: JSON.stringify(delivery.answer),
      received_at: delivery.receivedAt,
      updated_at: now,
      waiting_for: delivery.waitingFor ?? null,
      body: delivery.outcome === "applied" ? null : (delivery.body ?? null)
    })}`
  )

/** A kept delivery applied, refused or parked again later; the answer kept for repeats stays the first one. */
export const settleDelivery = (authorityId: string, deliveryId: string, outcome: Outcome, now: string, waitingFor?: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    outcome === "applied"
      ? sql`UPDATE webhook_deliveries SET outcome = ${outcome}, updated_at = ${now}, waiting_for = NULL, body = NULL
          WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
      : sql`UPDATE webhook_deliveries SET outcome = ${outcome}, updated_at = ${now}, waiting_for = ${waitingFor ?? null}
          WHERE authority_id = ${authorityId} AND delivery_id = ${deliveryId}`
  )

/** Deliveries an operator asked to be tried again (parked, waiting for nothing), oldest request first. */
export const replaysRequested = (limit: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<Row>`SELECT * FROM webhook_deliveries WHERE outcome = 'parked' AND waiting_for IS NULL ORDER BY updated_at, delivery_id LIMIT ${limit}`,
      (rows) => rows.map(fromRow)
    )
  )

/** Parked deliveries waiting for a record, oldest first. */
export const parkedFor = (authorityId: string, waitingFor: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<Row>`SELECT * FROM webhook_deliveries WHERE authority_id = ${authorityId} AND outcome = 'parked'
        AND waiting_for = ${waitingFor} ORDER BY received_at, delivery_id`,
      (rows) => rows.map(fromRow)
    )
  )

/** Parked longer than the configured time (since it was last parked): dead, listed for an operator to replay. Answers how many. */
export const expireParked = (parkedBefore: string, now: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ delivery_id: string }>`UPDATE webhook_deliveries SET outcome = 'dead', updated_at = ${now}
        WHERE outcome = 'parked' AND waiting_for IS NOT NULL AND updated_at < ${parkedBefore} RETURNING delivery_id`,
      (rows) => rows.length
    )
  )
