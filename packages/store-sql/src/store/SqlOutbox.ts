import { SqlClient } from "@effect/sql"
import { Outbox, type OutboxEntry, type OutboxState } from "@carepanel/core"
import { Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import { sqlLimit } from "../sql/sqlLimit.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { writeNotifications } from "./writeNotifications.js"

interface Row {
  readonly notification: string
  readonly state: OutboxState
  readonly attempts: number
  readonly next_attempt_at: string
  readonly last_error: string | null
  readonly lease_owner: string | null
  readonly lease_until: string | null
  readonly seq: number | string
}

const toEntry = (row: Row): OutboxEntry => ({
  notification: JSON.parse(row.notification),
  state: row.state,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  ...(row.last_error === null ? {} : { lastError: row.last_error }),
  ...(row.lease_owner === null || row.lease_until === null ? {} : { lease: { owner: row.lease_owner, until: row.lease_until } })
})

const columns = "seq, notification, state, attempts, next_attempt_at, last_error, lease_owner, lease_until"

/** The outbox table: pending notifications in creation order, marked delivered or failed by the deliverer. */
export const makeSqlOutbox = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const cols = sql.literal(columns)
    // PostgreSQL: concurrent claimers skip rows another holds; SQLite: the write transaction serialises them.
    const skipLocked = sql.literal(sql.onDialectOrElse({ pg: () => "FOR UPDATE SKIP LOCKED", orElse: () => "" }))

    return Outbox.of({
      claim: (now, limit, lease) =>
        writeTransaction(
          sql<Row>`UPDATE outbox SET lease_owner = ${lease.owner}, lease_until = ${lease.until}
            WHERE seq IN (SELECT seq FROM outbox WHERE state = 'pending' AND next_attempt_at <= ${now}
              AND (lease_until IS NULL OR lease_until <= ${now}) ORDER BY seq LIMIT ${sqlLimit(limit)} ${skipLocked})
            RETURNING ${cols}`
        ).pipe(
          Effect.map((rows) => [...rows].sort((a, b) => Number(a.seq) - Number(b.seq)).map(toEntry)),
          asPersistenceError("claim the notifications due")
        ),
      release: (id) =>
        writeTransaction(sql`UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ${id}`).pipe(
          Effect.asVoid,
          asPersistenceError("release a notification")
        ),
      due: (now, limit) =>
        sql<Row>`SELECT ${cols} FROM outbox WHERE state = 'pending' AND next_attempt_at <= ${now}
          ORDER BY seq LIMIT ${sqlLimit(limit)}`.pipe(
          Effect.map((rows) => rows.map(toEntry)),
          asPersistenceError("list the notifications due")
        ),
      markDelivered: (id) =>
        writeTransaction(sql`UPDATE outbox SET state = 'delivered', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
          WHERE id = ${id}`).pipe(
          Effect.asVoid,
          asPersistenceError("record a delivered notification")
        ),
      markFailed: (id, failure) =>
        writeTransaction(sql`UPDATE outbox SET state = ${failure.dead ? "dead" : "pending"}, attempts = attempts + 1,
          next_attempt_at = ${failure.nextAttemptAt}, last_error = ${failure.error}, lease_owner = NULL, lease_until = NULL
          WHERE id = ${id}`).pipe(
          Effect.asVoid,
          asPersistenceError("record a failed notification")
        ),
      enqueue: (notifications, now) =>
        writeTransaction(writeNotifications(notifications, now)).pipe(
          Effect.provideService(SqlClient.SqlClient, sql),
          asPersistenceError("queue notifications")
        ),
      get: (id) =>
        sql<Row>`SELECT ${cols} FROM outbox WHERE id = ${id}`.pipe(
          Effect.map((rows) => (rows[0] === undefined ? undefined : toEntry(rows[0]))),
          asPersistenceError("read a notification")
        )
    })
  })
