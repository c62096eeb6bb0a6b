import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { type AppendResult, type Commit, ConcurrencyConflict, changeFeed, EventStore, positionFeed, type ReadAllOptions, streamIdOf } from "@carepanel/core"
import { Effect, Option } from "effect"
import { directly } from "../sql/directly.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import { sqlLimit } from "../sql/sqlLimit.js"
import { appendCommit, streamHead } from "./appendCommit.js"
import { type ChangeSignalOptions, makeChangeSignal } from "./changeSignal.js"
import type { GroupCommit } from "./groupCommit.js"
import { type EventRow, eventColumns, toStoredEvent } from "./eventRows.js"

/**
 * A unique violation on (stream_id, version) means another writer got there first. Appends serialise on
 * event_head, so this is a second line of defence (say, a writer that bypasses this code).
 */
const isStreamVersionViolation = (error: SqlError): boolean => {
  const cause = error.cause as { code?: unknown; constraint?: unknown; message?: unknown } | undefined
  return (
    cause?.constraint === "events_stream_version" ||
    (typeof cause?.code === "string" &&
      cause.code.startsWith("SQLITE_CONSTRAINT") &&
      String(cause.message).includes("events.stream_id, events.version"))
  )
}

/** The last position an append wrote (0 if it wrote no event). */
const lastPositionOf = (results: ReadonlyArray<AppendResult>) => Math.max(0, ...results.flatMap((result) => result.positions))

export const makeSqlEventStore = (groupCommit: GroupCommit, changeOptions: ChangeSignalOptions = {}) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const columns = sql.literal(eventColumns)
    const signal = yield* makeChangeSignal(changeOptions)

    /** After a unique violation: the first commit whose stream is no longer at its expected version. */
    const movedStream = (commits: ReadonlyArray<Commit>) =>
      Effect.gen(function* () {
        for (const commit of commits) {
          const head = yield* streamHead(streamIdOf(commit.stream))
          if (head.version !== commit.expectedVersion) {
            return ConcurrencyConflict.of(streamIdOf(commit.stream), commit.expectedVersion, head.version)
          }
        }
        return undefined
      })

    /**
     * Wakes this process's feeds after an append that committed. Inside a caller's transaction it has not committed
     * yet (and may roll back): the commit's own NOTIFY (PostgreSQL) or the next poll (SQLite) wakes them instead.
     */
    const raiseOnceCommitted = (position: number) =>
      Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (outer) =>
        Option.isSome(outer) ? Effect.void : signal.raise(position)
      )

    // A command's one commit (the usual case) without a loop around it.
    const appendEach = (commits: ReadonlyArray<Commit>) =>
      commits.length === 1 ? Effect.map(appendCommit(commits[0]!), (result) => [result]) : Effect.forEach(commits, appendCommit)

    const appendAll = (commits: ReadonlyArray<Commit>) =>
      (commits.length === 0 ? Effect.succeed([]) : groupCommit("events", appendEach(commits))).pipe(
        Effect.catchTag("SqlError", (error) =>
          isStreamVersionViolation(error)
            ? Effect.flatMap(Effect.provideService(movedStream(commits), SqlClient.SqlClient, sql), (conflict) => Effect.fail(conflict ?? error))
            : Effect.fail(error)
        ),
        asPersistenceError("save the change"),
        Effect.tap((results) => raiseOnceCommitted(lastPositionOf(results)))
      )

    const readAll = ({ after, limit, authorityId }: ReadAllOptions) =>
      directly(
        sql,
        authorityId === undefined
          ? sql<EventRow>`SELECT ${columns} FROM events WHERE position > ${after}
            ORDER BY position LIMIT ${sqlLimit(limit)}`
          : sql<EventRow>`SELECT ${columns} FROM events WHERE authority_id = ${authorityId} AND position > ${after}
            ORDER BY position LIMIT ${sqlLimit(limit)}`
      ).pipe(
        Effect.map((rows) => rows.map(toStoredEvent)),
        asPersistenceError("read the event log")
      )

    // The end of the log, from the primary key's index: appends commit in position order (see `changeFeed`).
    const newest = directly(sql, sql<{ newest: number | string | bigint | null }>`SELECT MAX(position) AS newest FROM events`).pipe(
      Effect.map(([row]) => Number(row?.newest ?? 0)),
      asPersistenceError("read the event log")
    )

    return EventStore.of({
      append: (commit) => Effect.map(appendAll([commit]), (results) => results[0]!),
      appendAll,
      // Inside a write transaction (a command's load in the webhook receiver's delivery) on the transaction's connection.
      readStream: (stream, options) =>
        directly(
          sql,
          sql<EventRow>`SELECT ${columns} FROM events WHERE stream_id = ${streamIdOf(stream)} AND version > ${options?.after ?? 0}
            ORDER BY version`
        ).pipe(
          Effect.map((rows) => rows.map(toStoredEvent)),
          asPersistenceError("read the record's history")
        ),
      readAll,
      changes: changeFeed(readAll, signal.newerThan),
      newestPosition: newest,
      positions: positionFeed(newest, signal.newerThan)
    })
  })
