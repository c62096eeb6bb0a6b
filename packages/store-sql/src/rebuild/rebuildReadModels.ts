import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore, foldStored, PersistenceError, type ReadModelRow, type StreamRef, streamIdOf } from "@carepanel/core"
import { Clock, Effect, Either } from "effect"
import { makeWriteTransaction, type WriteTransaction } from "../sql/writeTransaction.js"
import { streamHead } from "../store/appendCommit.js"
import { readModelsRowOf, writeReadModels } from "../store/writeReadModels.js"
import { type AnyAggregate, aggregatesByStreamType } from "./aggregates.js"
import { holdAppends } from "./holdAppends.js"
import { insertMissingEntries, removeStrayEntries, rowsMissingEntries } from "./indexEntriesRepair.js"
import { keysOf, removeObsoleteRows } from "./obsoleteRows.js"

/** Streams listed per statement. */
const streamsPerPage = 500

/** What a rebuild did. */
export interface RebuildReport {
  readonly streams: number
  /** Read-model rows folded again from the log. */
  readonly rows: number
  /** Of those, the rows whose stored document or index differed, or some of whose index entries were missing, and were written again. */
  readonly changed: number
  /** Index entries no stored row makes (a filter would have found a row by them wrongly), deleted. */
  readonly strayEntries: number
  /** Stored rows no stream produces (an older version's, or a fault's), deleted with their index entries. */
  readonly removed: number
  /** Why no obsolete row was looked for, if none was: a stream whose rows are unknown. */
  readonly obsoleteKept?: string
  /** Streams written by someone else between the rebuild's read and its write, and so read again. */
  readonly readAgain: number
  /** Streams of a type no aggregate of this version knows, left alone: stream type and how many. */
  readonly unknownTypes: ReadonlyMap<string, number>
  /** Streams whose events this version cannot fold, or that were written meanwhile on every try, left alone. */
  readonly failed: ReadonlyArray<{ readonly streamId: string; readonly message: string }>
  readonly millis: number
}

interface StreamRow {
  readonly stream_id: string
  readonly authority_id: string
  readonly stream_type: string
  readonly entity_id: string
}

/** One page of the streams (one row each: its first event), in stream id order after `after`. */
const streamsAfter = (after: string, authorityId: AuthorityId | undefined) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const ofAuthority = authorityId === undefined ? sql`` : sql`AND authority_id = ${authorityId}`
    return sql<StreamRow>`SELECT stream_id, authority_id, stream_type, entity_id FROM events
      WHERE version = 1 AND stream_id > ${after} ${ofAuthority} ORDER BY stream_id LIMIT ${streamsPerPage}`
  })

/** The rows whose stored text is not what a commit would write for them now (or that are missing). */
const changedRows = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    if (rows.length === 0) return []
    const sql = yield* SqlClient.SqlClient
    const stored = yield* sql<{ collection: string; id: string; index_fields: string; doc: string }>`SELECT collection, id, index_fields, doc
      FROM read_models WHERE ${sql.or(rows.map((row) => sql`(collection = ${row.collection} AND authority_id = ${row.authorityId} AND id = ${row.id})`))}`
    const texts = new Map(stored.map((row) => [JSON.stringify([row.collection, row.id]), `${row.index_fields}\u0000${row.doc}`]))
    return rows.filter((row) => {
      const now = readModelsRowOf(row)
      return texts.get(JSON.stringify([row.collection, row.id])) !== `${now.index_fields}\u0000${now.doc}`
    })
  })

/** The rows whose stored text differs or some of whose index entries are missing. */
const rowsToWrite = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.map(Effect.all([changedRows(rows), rowsMissingEntries(rows)]), ([changed, missing]) => [...new Set([...changed, ...missing])])

/** The rows to write if the stream is still at `version`; `undefined` if it has moved on. */
const stillAt = (streamId: string, version: number, rows: ReadonlyArray<ReadModelRow>) =>
  Effect.flatMap(streamHead(streamId), (head) => (head.version === version ? rowsToWrite(rows) : Effect.succeed(undefined)))

/** A stream written by someone else on every one of a rebuild's tries: left for the next run, not chased for ever. */
const busy = (tries: number) =>
  new PersistenceError({
    operation: "rebuild a busy stream",
    message: `it was written by another process on each of ${tries} tries; its rows are as that process wrote them. Run rebuild again when it is quieter.`
  })

/**
 * One stream: its events folded with this version's code into the rows a commit would write now, written in a
 * transaction of their own only where they differ, and only if the stream's version has not moved since it was read.
 * If it has (an app committed meanwhile), the newer events are read and folded on, and it is tried again: an older
 * fold never overwrites a newer commit's rows. Nothing else is written: no event, no chain link, no outbox row.
 */
const rebuildStream = (stream: StreamRef, aggregate: AnyAggregate, writeTransaction: WriteTransaction, tries: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const streamId = streamIdOf(stream)
    let state = aggregate.decider.initialState
    let version = 0
    for (let reads = 1; ; reads++) {
      if (reads > tries) return yield* busy(tries)
      const events = yield* store.readStream(stream, { after: version })
      state = yield* foldStored(aggregate, stream, events, state)
      version = events.at(-1)?.version ?? version
      const rows = aggregate.readModels(state, stream)
      // Read first without a lock: a stream already as this version folds it (every stream, the second time) is left alone.
      const unlocked = yield* stillAt(streamId, version, rows)
      if (unlocked?.length === 0) return { rows, changed: 0, reads }
      if (unlocked === undefined) continue
      const written = yield* writeTransaction(
        Effect.gen(function* () {
          yield* holdAppends
          const changed = yield* stillAt(streamId, version, rows)
          if (changed !== undefined) {
            yield* writeReadModels(changed)
            yield* insertMissingEntries(changed)
          }
          return changed
        })
      )
      if (written !== undefined) return { rows, changed: written.length, reads }
    }
  })

/**
 * `carepanel-store rebuild`: every stream's read-model rows (and their index entries) written again as this version
 * of the core folds its events, for the whole store or one authority, and the stored rows no stream makes any more
 * deleted (see `removeObsoleteRows`), so that the read models are what the log produces. Safe beside running apps
 * (see `rebuildStream`); a second run changes nothing. A stream that cannot be folded is reported and the others are
 * still rebuilt, but then no row is deleted, since that stream's rows are unknown.
 */
export const rebuildReadModels = (options: { readonly authorityId?: AuthorityId; readonly triesAStream?: number } = {}) =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const writeTransaction = yield* makeWriteTransaction
    // Read before any stream: whatever is committed after it, the removal of obsolete rows folds again.
    const since = yield* (yield* EventStore).newestPosition
    const produced = new Set<string>()
    let streams = 0
    let rows = 0
    let changed = 0
    let readAgain = 0
    const unknownTypes = new Map<string, number>()
    const failed: Array<{ streamId: string; message: string }> = []
    let after = ""
    for (;;) {
      const page = yield* streamsAfter(after, options.authorityId)
      if (page.length === 0) break
      for (const row of page) {
        const aggregate = aggregatesByStreamType.get(row.stream_type)
        if (aggregate === undefined) {
          unknownTypes.set(row.stream_type, (unknownTypes.get(row.stream_type) ?? 0) + 1)
          continue
        }
        const stream: StreamRef = { authorityId: row.authority_id as AuthorityId, streamType: row.stream_type, id: row.entity_id }
        // An event this version cannot read (foldStored's error), or a stream too busy to catch, fails its stream only;
        // the store failing fails the run.
        const done = yield* rebuildStream(stream, aggregate, writeTransaction, options.triesAStream ?? 20).pipe(
          Effect.map(Either.right),
          Effect.catchIf(
            (error): error is PersistenceError =>
              error instanceof PersistenceError && (error.operation === "decode event" || error.operation === "rebuild a busy stream"),
            (error) => Effect.succeed(Either.left(error))
          )
        )
        if (done._tag === "Left") {
          failed.push({ streamId: row.stream_id, message: done.left.message })
          continue
        }
        streams++
        rows += done.right.rows.length
        for (const key of keysOf(done.right.rows)) produced.add(key)
        changed += done.right.changed
        if (done.right.reads > 1) readAgain++
      }
      after = page[page.length - 1]!.stream_id
    }
    // A stream left unfolded makes rows nobody knows, which must not be taken for obsolete ones.
    const obsoleteKept =
      failed.length > 0 || unknownTypes.size > 0
        ? "a stream above was not rebuilt, so which rows it makes is unknown"
        : undefined
    const removed =
      obsoleteKept === undefined ? yield* removeObsoleteRows({ produced, since, authorityId: options.authorityId, writeTransaction }) : 0
    const strayEntries = yield* removeStrayEntries(options.authorityId, writeTransaction)
    return {
      streams,
      rows,
      changed,
      removed,
      strayEntries,
      ...(obsoleteKept === undefined ? {} : { obsoleteKept }),
      readAgain,
      unknownTypes,
      failed,
      millis: (yield* Clock.currentTimeMillis) - started
    } satisfies RebuildReport
  })
