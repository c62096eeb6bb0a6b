import { SqlClient } from "@effect/sql"
import { AccessLog, type AccessRecord, AuthorityId, ChildId, type PersistenceError, PersonId, type Role } from "@carepanel/core"
import { Clock, Context, Effect, FiberRef, Option } from "effect"
import { bySeq, linkedColumns, linkedRowOf } from "../chain/chainLink.js"
import { addLink } from "../chain/pendingLinks.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import { directly } from "../sql/directly.js"
import type { GroupCommit } from "./groupCommit.js"

/** Writes a group of records on a connection of its own: `true` once durable, `false` if nothing was written (see sqliteAccessWriter.ts). */
export type DirectAccessWrite = (entries: ReadonlyArray<AccessRecord>) => Effect.Effect<boolean>

interface Row {
  readonly authority_id: string
  readonly person_id: string
  readonly role: string
  readonly at: string
  readonly child_id: string
  readonly fields: string
  readonly purpose: string
}

const toRecord = (row: Row): AccessRecord => ({
  authorityId: AuthorityId.make(row.authority_id),
  personId: PersonId.make(row.person_id),
  role: row.role as Role,
  at: row.at,
  childId: ChildId.make(row.child_id),
  fields: JSON.parse(row.fields) as ReadonlyArray<string>,
  purpose: row.purpose
})

/** An arbitrary constant naming the access log's writer lock among PostgreSQL's advisory locks. */
const accessLogLockKey = 7_301_923_115

/**
 * The access log table (STAT-GDPR): one row per read of a child's record, in the order they happened. Concurrent
 * records share a group commit (groupCommit.ts) with each other and with appends, and each group's records one signed
 * link of the access log's chain (appendLink.ts); writers queue on a lock (SQLite: the write transaction itself;
 * PostgreSQL: an advisory lock) so that links follow seq order.
 */
export const makeSqlAccessLog = (groupCommit: GroupCommit, direct?: DirectAccessWrite) =>
  Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const lock = sql.onDialectOrElse({ pg: () => sql`SELECT pg_advisory_xact_lock(${accessLogLockKey})`, orElse: () => Effect.void })
  // RETURNING gives back the rows as stored, seq and all, in one statement of fixed text (its prepared statement is
  // reused); the writer lock keeps them one block in seq order, which the link needs.
  const returned = linkedColumns.access.join(", ")
  const insertLinked = (entries: ReadonlyArray<AccessRecord>) =>
    Effect.gen(function* () {
      yield* lock
      const written = yield* directly(sql, sql<Record<string, unknown>>`INSERT INTO access_log ${sql.insert(
        entries.map((entry) => ({
          authority_id: entry.authorityId,
          person_id: entry.personId,
          role: entry.role,
          at: entry.at,
          child_id: entry.childId,
          fields: JSON.stringify(entry.fields),
          purpose: entry.purpose
        }))
      )} RETURNING ${sql.literal(returned)}`)
      const rows = written.map((row) => linkedRowOf("access", row)).sort(bySeq)
      yield* addLink("access", "", rows, new Date(yield* Clock.currentTimeMillis).toISOString())
    })
  const throughGroupCommit = (entries: ReadonlyArray<AccessRecord>) =>
    groupCommit("access", insertLinked(entries)).pipe(asPersistenceError("record reads of a child's record"))
  /**
   * SQLite, outside a caller's transaction and with the tracer off (with telemetry on, every statement keeps its span):
   * the access log's own connection first, the group commit if that wrote nothing (the lock was held, a row refused).
   */
  const record = (entries: ReadonlyArray<AccessRecord>) =>
    direct === undefined
      ? throughGroupCommit(entries)
      : Effect.withFiberRuntime<void, PersistenceError>((fiber) =>
          fiber.getFiberRef(FiberRef.currentTracerEnabled) || Option.isSome(Context.getOption(fiber.currentContext, SqlClient.TransactionConnection))
            ? throughGroupCommit(entries)
            : Effect.flatMap(direct(entries), (written) => (written ? Effect.void : throughGroupCommit(entries)))
        )
  return AccessLog.of({
    record: (entries) => (entries.length === 0 ? Effect.void : record(entries)),
    forChild: (authorityId, childId) =>
      sql<Row>`SELECT authority_id, person_id, role, at, child_id, fields, purpose FROM access_log
        WHERE authority_id = ${authorityId} AND child_id = ${childId} ORDER BY seq`.pipe(
        Effect.map((rows) => rows.map(toRecord)),
        asPersistenceError("read the access log")
      )
  })
})
