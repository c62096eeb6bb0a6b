import { SqlClient } from "@effect/sql"
import { AccessLog, type AccessRecord, AuthorityId, ChildId, PersonId, type Role } from "@carepanel/core"
import { Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"

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

/** The access log table (STAT-GDPR): one row per read of a child's record, in the order they happened. */
export const makeSqlAccessLog = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return AccessLog.of({
    record: (entries) =>
      entries.length === 0
        ? Effect.void
        : writeTransaction(sql`INSERT INTO access_log ${sql.insert(
            entries.map((entry) => ({
              authority_id: entry.authorityId,
              person_id: entry.personId,
              role: entry.role,
              at: entry.at,
              child_id: entry.childId,
              fields: JSON.stringify(entry.fields),
              purpose: entry.purpose
            }))
          )}`).pipe(Effect.asVoid, asPersistenceError("record reads of a child's record")),
    forChild: (authorityId, childId) =>
      sql<Row>`SELECT authority_id, person_id, role, at, child_id, fields, purpose FROM access_log
        WHERE authority_id = ${authorityId} AND child_id = ${childId} ORDER BY seq`.pipe(
        Effect.map((rows) => rows.map(toRecord)),
        asPersistenceError("read the access log")
      )
  })
})
