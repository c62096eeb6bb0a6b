import { SqlClient } from "@effect/sql"
import { type AppendResult, type Commit, ConcurrencyConflict, streamIdOf } from "@carepanel/core"
import { Clock, Effect } from "effect"
import { canonicalJson } from "../chain/canonicalJson.js"
import { linkedRowOf } from "../chain/chainLink.js"
import { eventHash, genesisHash } from "../chain/eventHash.js"
import { addLink } from "../chain/pendingLinks.js"
import { directly } from "../sql/directly.js"
import { changesChannel } from "./changeSignal.js"
import { writeNotifications } from "./writeNotifications.js"
import { writeReadModels } from "./writeReadModels.js"

/** The stream's last version and hash, read inside the append transaction. */
export const streamHead = (streamId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ version: number; hash: string }>`SELECT version, hash FROM events WHERE stream_id = ${streamId}
        ORDER BY version DESC LIMIT 1`,
      (rows) => ({ version: Number(rows[0]?.version ?? 0), hash: rows[0]?.hash ?? genesisHash })
    )
  )

interface ClaimedRow {
  readonly last_position: number | string
  readonly head_version: number | string | null
  readonly head_hash: string | null
}

/** The stream's last version and hash as two columns of the claiming statement (null for a new stream). */
const headColumns = (sql: SqlClient.SqlClient, streamId: string) =>
  sql`(SELECT version FROM events WHERE stream_id = ${streamId} ORDER BY version DESC LIMIT 1) AS head_version,
    (SELECT hash FROM events WHERE stream_id = ${streamId} ORDER BY version DESC LIMIT 1) AS head_hash`

/** A commit's `events` rows, hash-chained to the stream's head, from `firstPosition` on. */
export const eventRowsOf = (commit: Commit, head: { readonly version: number; readonly hash: string }, firstPosition: number, recordedAt: string) => {
  const streamId = streamIdOf(commit.stream)
  let prevHash = head.hash
  return commit.events.map((event, i) => {
    const version = head.version + i + 1
    const data = canonicalJson(event.data)
    prevHash = eventHash(prevHash, { streamId, version, type: event.type, data, recordedAt })
    return {
      position: firstPosition + i,
      stream_id: streamId,
      authority_id: commit.stream.authorityId,
      stream_type: commit.stream.streamType,
      entity_id: commit.stream.id,
      version,
      type: event.type,
      data,
      recorded_at: recordedAt,
      hash: prevHash
    }
  })
}

/**
 * Writes one commit; must run inside a write transaction (a group's, see groupCommit.ts). Order: claim positions on
 * `event_head` (which serialises appends and, on PostgreSQL, queues the change feed's NOTIFY) and read the stream's
 * head (on SQLite in the same statement), check the expected version, insert the hash-chained events and leave the commit's link in the store-wide chain to its group (links
 * follow position order, since event_head is held), then the read-model rows and the outbox rows. Any failure rolls
 * all of it back.
 */
export const appendCommit = (commit: Commit) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const streamId = streamIdOf(commit.stream)
    const count = commit.events.length
    let lastPosition = 0
    // SQLite: one statement claims the positions and reads the stream's head (a statement less per commit: each costs
    // more in @effect/sql than in the database); the write lock taken at BEGIN IMMEDIATE makes that read current.
    // PostgreSQL: the head is read by a statement of its own, after the row lock on event_head is granted, since a
    // statement's subqueries see the snapshot from before it waited for the lock. Its claim queues NOTIFY with the new
    // last position, sent on commit.
    const head = yield* sql.onDialectOrElse({
      pg: () =>
        Effect.zipRight(
          sql`UPDATE event_head SET last_position = last_position + ${count}
            WHERE id = 1 RETURNING last_position, pg_notify(${changesChannel}, last_position::text)`.pipe(
            Effect.map(([row]) => (lastPosition = Number(row?.last_position)))
          ),
          streamHead(streamId)
        ),
      orElse: () =>
        directly(
          sql,
          sql<ClaimedRow>`UPDATE event_head SET last_position = last_position + ${count}
            WHERE id = 1 RETURNING last_position, ${headColumns(sql, streamId)}`
        ).pipe(
          Effect.map(([row]) => {
            lastPosition = Number(row?.last_position)
            return { version: Number(row?.head_version ?? 0), hash: row?.head_hash ?? genesisHash }
          })
        )
    })
    if (head.version !== commit.expectedVersion) {
      return yield* ConcurrencyConflict.of(streamId, commit.expectedVersion, head.version)
    }
    const recordedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
    const rows = eventRowsOf(commit, head, lastPosition - count + 1, recordedAt)
    if (rows.length > 0) yield* directly(sql, sql`INSERT INTO events ${sql.insert(rows)}`)
    yield* addLink("events", streamId, rows.map((row) => linkedRowOf("events", row)), recordedAt)
    yield* writeReadModels(commit.readModels)
    yield* writeNotifications(commit.notifications, recordedAt)
    return { version: head.version + count, positions: rows.map((row) => row.position) } satisfies AppendResult
  })
