import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore, foldStored, PersistenceError, type ReadModelRow, type StreamRef } from "@carepanel/core"
import { Effect } from "effect"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { holdAppends } from "./holdAppends.js"
import { aggregatesByStreamType } from "./aggregates.js"

/** Read-model rows looked at per statement. */
const rowsPerPage = 500
/** Events read per statement while catching up with what was committed during the rebuild. */
const eventsPerPage = 1_000

interface RowKey {
  readonly collection: string
  readonly authority_id: string
  readonly id: string
}

/** A read-model row's key, the same for a folded row and a stored one. */
export const keyOfRow = (collection: string, authorityId: string, id: string) => JSON.stringify([collection, authorityId, id])
const keyOf = (row: RowKey) => keyOfRow(row.collection, row.authority_id, row.id)
export const keysOf = (rows: ReadonlyArray<ReadModelRow>) => rows.map((row) => keyOfRow(row.collection, row.authorityId, row.id))

/** The collections the stored rows are in (a few: one index scan). */
export const collections = (authorityId: AuthorityId | undefined) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ collection: string }>`SELECT DISTINCT collection FROM read_models ${authorityId === undefined ? sql`` : sql`WHERE authority_id = ${authorityId}`}`,
      (rows) => rows.map((row) => row.collection)
    )
  )

/** One page of a collection's stored rows' keys, in key order after `after`: a range of the primary key. */
const rowsAfter = (collection: string, after: RowKey | undefined, authorityId: AuthorityId | undefined) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const range =
      authorityId !== undefined
        ? sql`authority_id = ${authorityId} AND id > ${after?.id ?? ""}`
        : sql`(authority_id, id) > (${after?.authority_id ?? ""}, ${after?.id ?? ""})`
    return sql<RowKey>`SELECT collection, authority_id, id FROM read_models WHERE collection = ${collection} AND ${range}
      ORDER BY authority_id, id LIMIT ${rowsPerPage}`
  })

/** A stream committed to during the rebuild that this version cannot fold: the rows it makes are unknown. */
const unknownRows = (streamId: string, why: string) =>
  new PersistenceError({ operation: "find obsolete read-model rows", message: `stream ${streamId} was written meanwhile and ${why}` })

/**
 * Adds to `produced` the rows of every stream committed to after `position`, folded whole as they stand now, and
 * returns the newest position read. Run while appends are held, so that nothing commits between this and a delete.
 */
const catchUp = (position: number, authorityId: AuthorityId | undefined, produced: Set<string>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const streams = new Map<string, StreamRef>()
    let after = position
    for (;;) {
      const events = yield* store.readAll({ after, limit: eventsPerPage, ...(authorityId === undefined ? {} : { authorityId }) })
      if (events.length === 0) break
      for (const event of events) streams.set(`${event.stream.authorityId}/${event.stream.streamType}/${event.stream.id}`, event.stream)
      after = events.at(-1)!.position
    }
    for (const [streamId, stream] of streams) {
      const aggregate = aggregatesByStreamType.get(stream.streamType)
      if (aggregate === undefined) return yield* unknownRows(streamId, "is of a type this version does not know")
      const state = yield* foldStored(aggregate, stream, yield* store.readStream(stream), aggregate.decider.initialState).pipe(
        Effect.mapError((error) => unknownRows(streamId, `cannot be read: ${error.message}`))
      )
      for (const key of keysOf(aggregate.readModels(state, stream))) produced.add(key)
    }
    return after
  })

/** Deletes the rows (and their index entries) with these keys. */
const deleteRows = (rows: ReadonlyArray<RowKey>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const groups = new Map<string, Array<RowKey>>()
    for (const row of rows) {
      const group = groups.get(JSON.stringify([row.collection, row.authority_id]))
      if (group === undefined) groups.set(JSON.stringify([row.collection, row.authority_id]), [row])
      else group.push(row)
    }
    // By the row, not by its index fields: entries a faulty commit wrote go with it.
    const ofGroups = sql.or(
      [...groups.values()].map(
        (group) => sql`(collection = ${group[0]!.collection} AND authority_id = ${group[0]!.authority_id} AND id IN ${sql.in(group.map((row) => row.id))})`
      )
    )
    yield* sql`DELETE FROM read_model_index WHERE ${ofGroups}`
    yield* sql`DELETE FROM read_models WHERE ${ofGroups}`
  })

/**
 * Deletes the stored read-model rows (of one authority, or all) that no stream produces: `produced` holds the keys of
 * the rows the rebuild folded, each stream as it stood when read, all read after the log ended at `since`. A row a
 * commit wrote meanwhile is not among them, so before each delete, with appends held (PostgreSQL: the `event_head` row
 * lock every append takes; SQLite: the write lock), the streams committed to since are folded again and their rows
 * kept. Fails, deleting nothing more, if one of those cannot be folded.
 */
export const removeObsoleteRows = (options: {
  readonly produced: Set<string>
  readonly since: number
  readonly authorityId: AuthorityId | undefined
  readonly writeTransaction: WriteTransaction
}) =>
  Effect.gen(function* () {
    const { produced, authorityId, writeTransaction } = options
    let caughtUpTo = options.since
    let removed = 0
    for (const collection of yield* collections(authorityId)) {
      let after: RowKey | undefined
      for (;;) {
        const page = yield* rowsAfter(collection, after, authorityId)
        if (page.length === 0) break
        after = page.at(-1)!
        if (page.every((row) => produced.has(keyOf(row)))) continue
        removed += yield* writeTransaction(
          Effect.gen(function* () {
            yield* holdAppends
            caughtUpTo = yield* catchUp(caughtUpTo, authorityId, produced)
            const obsolete = page.filter((row) => !produced.has(keyOf(row)))
            if (obsolete.length > 0) yield* deleteRows(obsolete)
            return obsolete.length
          })
        )
      }
    }
    return removed
  })
