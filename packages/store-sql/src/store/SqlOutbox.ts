import { SqlClient } from "@effect/sql"
import { type NotificationChannel, Outbox, type OutboxEntry, type OutboxState } from "@carepanel/core"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import { sqlLimit } from "../sql/sqlLimit.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import type { GroupCommit } from "./groupCommit.js"
import { notificationsPerStatement, writeNotifications } from "./writeNotifications.js"

interface Row {
  readonly notification: string
  readonly channel: NotificationChannel
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
  channel: row.channel,
  state: row.state,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  ...(row.last_error === null ? {} : { lastError: row.last_error }),
  ...(row.lease_owner === null || row.lease_until === null ? {} : { lease: { owner: row.lease_owner, until: row.lease_until } })
})

/** A notification (from `outbox`) with its delivery state on one channel (from `outbox_deliveries`). */
const entries = `SELECT d.seq, o.notification, d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, d.lease_owner, d.lease_until
  FROM outbox_deliveries d JOIN outbox o ON o.seq = d.seq`

/** The outbox: notifications in creation order, each delivered, retried or given up on per channel. */
/** The ids in statements of at most `notificationsPerStatement` each (one parameter an id). */
const idChunks = (ids: ReadonlyArray<string>) =>
  Array.from({ length: Math.ceil(ids.length / notificationsPerStatement) }, (_, i) => ids.slice(i * notificationsPerStatement, (i + 1) * notificationsPerStatement))

export const makeSqlOutbox = (writeTransaction: WriteTransaction, groupCommit: GroupCommit) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    /**
     * A delivery's outcome. On SQLite it joins the group commit: the sync blocks the event loop, and a pass of the
     * dispatcher (a batch of 50, four at a time, with a notifier that answers at once) recorded each outcome in its
     * own transaction and sync, one after another in microtasks, so that no request was read until the whole backlog
     * was recorded: seconds after a burst of writes (docs/performance.md, "The write tail"). In a group, the four
     * outcomes share a sync, and the leader's turn of the event loop lets waiting requests in between groups.
     * PostgreSQL keeps one transaction each: its driver does not block the loop, and a group there would have to
     * order the row locks of two dispatchers marking the same rows.
     */
    const recordOutcome = <A, E>(work: Effect.Effect<A, E>) =>
      sql.onDialectOrElse({ sqlite: () => groupCommit("outbox", work), orElse: () => writeTransaction(work) })
    const entriesOf = sql.literal(entries)
    // PostgreSQL: concurrent claimers skip rows another holds; SQLite: the write transaction serialises them.
    const skipLocked = sql.literal(sql.onDialectOrElse({ pg: () => "FOR UPDATE SKIP LOCKED", orElse: () => "" }))
    const seqOf = (id: string) => sql`(SELECT seq FROM outbox WHERE id = ${id})`

    return Outbox.of({
      claim: (channel, now, limit, lease) =>
        writeTransaction(
          Effect.flatMap(
            directly(
              sql,
              sql<{ seq: number | string }>`UPDATE outbox_deliveries SET lease_owner = ${lease.owner}, lease_until = ${lease.until}
              WHERE channel = ${channel} AND seq IN (SELECT seq FROM outbox_deliveries WHERE channel = ${channel} AND state = 'pending'
                AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now}) ORDER BY seq LIMIT ${sqlLimit(limit)} ${skipLocked})
              RETURNING seq`
            ),
            (claimed) =>
              claimed.length === 0
                ? Effect.succeed([])
                : directly(sql, sql<Row>`${entriesOf} WHERE d.channel = ${channel} AND d.seq IN ${sql.in(claimed.map((row) => row.seq))} ORDER BY d.seq`)
          )
        ).pipe(Effect.map((rows) => rows.map(toEntry)), asPersistenceError("claim the notifications due")),
      release: (channel, id) =>
        writeTransaction(directly(sql, sql`UPDATE outbox_deliveries SET lease_owner = NULL, lease_until = NULL WHERE channel = ${channel} AND seq = ${seqOf(id)}`)).pipe(
          Effect.asVoid,
          asPersistenceError("release a notification")
        ),
      due: (channel, now, limit) =>
        directly(
          sql,
          sql<Row>`${entriesOf} WHERE d.channel = ${channel} AND d.state = 'pending' AND d.next_attempt_at <= ${now}
          ORDER BY d.seq LIMIT ${sqlLimit(limit)}`
        ).pipe(
          Effect.map((rows) => rows.map(toEntry)),
          asPersistenceError("list the notifications due")
        ),
      markDelivered: (channel, id) =>
        recordOutcome(
          directly(
            sql,
            sql`UPDATE outbox_deliveries SET state = 'delivered', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
          WHERE channel = ${channel} AND seq = ${seqOf(id)}`
          )
        ).pipe(
          Effect.asVoid,
          asPersistenceError("record a delivered notification")
        ),
      markFailed: (channel, id, failure) =>
        recordOutcome(
          directly(
            sql,
            sql`UPDATE outbox_deliveries SET state = ${failure.dead ? "dead" : "pending"}, attempts = attempts + 1,
          next_attempt_at = ${failure.nextAttemptAt}, last_error = ${failure.error}, lease_owner = NULL, lease_until = NULL
          WHERE channel = ${channel} AND seq = ${seqOf(id)}`
          )
        ).pipe(
          Effect.asVoid,
          asPersistenceError("record a failed notification")
        ),
      enqueue: (notifications, now) =>
        writeTransaction(writeNotifications(notifications, now)).pipe(
          Effect.provideService(SqlClient.SqlClient, sql),
          asPersistenceError("queue notifications")
        ),
      queuedAmong: (ids) =>
        Effect.forEach(idChunks(ids), (some) => directly(sql, sql<{ id: string }>`SELECT id FROM outbox WHERE id IN ${sql.in(some)}`)).pipe(
          Effect.map((found) => new Set(found.flat().map((row) => row.id))),
          asPersistenceError("read which notifications are queued")
        ),
      lastPosition: directly(sql, sql<{ last: number | string | null }>`SELECT MAX(seq) AS last FROM outbox`).pipe(
        Effect.map(([row]) => Number(row?.last ?? 0)),
        asPersistenceError("read the newest notification's position")
      ),
      positionSince: (instant) =>
        sql<{ first: number | string | null; last: number | string | null }>`SELECT
          (SELECT MIN(seq) FROM outbox WHERE queued_at >= ${instant}) AS first, (SELECT MAX(seq) FROM outbox) AS last`.pipe(
          Effect.map(([row]) => (row?.first == null ? Number(row?.last ?? 0) : Number(row.first) - 1)),
          asPersistenceError("read where the notifications queued since an instant begin")
        ),
      queuedAfter: (authorityId, position, limit) =>
        directly(
          sql,
          sql<{ seq: number | string; notification: string; queued_at: string }>`SELECT seq, notification, COALESCE(queued_at, next_attempt_at) AS queued_at FROM outbox
          WHERE seq > ${position} AND authority_id = ${authorityId} ORDER BY seq LIMIT ${sqlLimit(limit)}`
        ).pipe(
          Effect.map((rows) =>
            rows.map((row) => ({ position: Number(row.seq), notification: JSON.parse(row.notification), queuedAt: row.queued_at }))
          ),
          asPersistenceError("read the notifications queued")
        ),
      get: (channel, id) =>
        directly(sql, sql<Row>`${entriesOf} WHERE d.channel = ${channel} AND o.id = ${id}`).pipe(
          Effect.map((rows) => (rows[0] === undefined ? undefined : toEntry(rows[0]))),
          asPersistenceError("read a notification")
        )
    })
  })
