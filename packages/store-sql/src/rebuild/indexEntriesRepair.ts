import { SqlClient } from "@effect/sql"
import type { AuthorityId, IndexValue, ReadModelRow } from "@carepanel/core"
import { Effect } from "effect"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { indexEntries } from "../store/indexEntries.js"
import { indexRowsOf } from "../store/writeReadModels.js"
import { holdAppends } from "./holdAppends.js"
import { keyOfRow } from "./obsoleteRows.js"

/** Index entries looked at per statement. */
const entriesPerPage = 500

interface Entry {
  readonly collection: string
  readonly authority_id: string
  readonly field: string
  readonly value: string
  readonly id: string
}

const entryKey = (entry: Entry) => JSON.stringify([entry.collection, entry.authority_id, entry.field, entry.value, entry.id])

/** The rows of `rows` some of whose index entries are not stored (a filter on that field would miss the row). */
export const rowsMissingEntries = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const expected = rows.flatMap(indexRowsOf)
    if (expected.length === 0) return []
    const sql = yield* SqlClient.SqlClient
    const stored = new Set<string>()
    for (let i = 0; i < expected.length; i += entriesPerPage) {
      const page = expected.slice(i, i + entriesPerPage)
      const found = yield* sql<Entry>`SELECT collection, authority_id, field, value, id FROM read_model_index WHERE ${sql.or(
        page.map((entry) => sql`(collection = ${entry.collection} AND authority_id = ${entry.authority_id} AND field = ${entry.field} AND value = ${entry.value} AND id = ${entry.id})`)
      )}`
      for (const entry of found) stored.add(entryKey(entry))
    }
    return rows.filter((row) => indexRowsOf(row).some((entry) => !stored.has(entryKey(entry))))
  })

/** Stores every index entry of `rows` that is not stored yet (inside the transaction that writes them). */
export const insertMissingEntries = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const entries = rows.flatMap(indexRowsOf)
    for (let i = 0; i < entries.length; i += entriesPerPage) {
      yield* sql`INSERT INTO read_model_index ${sql.insert(entries.slice(i, i + entriesPerPage))} ON CONFLICT DO NOTHING`
    }
  })

/**
 * One page of the stored index entries, in primary-key order after `after`: of the whole store, or of one authority's
 * rows of one collection (a range of the primary key either way).
 */
const entriesAfter = (after: Entry | undefined, only: { readonly collection: string; readonly authorityId: AuthorityId } | undefined) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const range =
      only === undefined
        ? after === undefined
          ? sql`1 = 1`
          : sql`(collection, authority_id, field, value, id) > (${after.collection}, ${after.authority_id}, ${after.field}, ${after.value}, ${after.id})`
        : sql`collection = ${only.collection} AND authority_id = ${only.authorityId} AND (field, value, id) > (${after?.field ?? ""}, ${after?.value ?? ""}, ${after?.id ?? ""})`
    return sql<Entry>`SELECT collection, authority_id, field, value, id FROM read_model_index WHERE ${range}
      ORDER BY collection, authority_id, field, value, id LIMIT ${entriesPerPage}`
  })

/** Of `entries`, those their row's stored index does not make (or whose row is gone): a filter would find a row wrongly. */
const strayAmong = (entries: ReadonlyArray<Entry>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const keys = [...new Map(entries.map((entry) => [keyOfRow(entry.collection, entry.authority_id, entry.id), entry])).values()]
    const rows = yield* sql<{ collection: string; authority_id: string; id: string; index_fields: string }>`SELECT collection,
      authority_id, id, index_fields FROM read_models WHERE ${sql.or(
        keys.map((entry) => sql`(collection = ${entry.collection} AND authority_id = ${entry.authority_id} AND id = ${entry.id})`)
      )}`
    const made = new Set<string>()
    for (const row of rows) {
      for (const { field, value } of indexEntries(JSON.parse(row.index_fields) as Readonly<Record<string, IndexValue>>)) {
        made.add(entryKey({ collection: row.collection, authority_id: row.authority_id, field, value, id: row.id }))
      }
    }
    return entries.filter((entry) => !made.has(entryKey(entry)))
  })

/**
 * The collections holding index entries of the authority's: those of its collections with no row left too, where an
 * entry is stray by definition (one scan of the index; a rebuild is rare).
 */
const indexedCollections = (authorityId: AuthorityId) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(sql<{ collection: string }>`SELECT DISTINCT collection FROM read_model_index WHERE authority_id = ${authorityId}`, (rows) =>
      rows.map((row) => row.collection)
    )
  )

/**
 * Deletes the index entries that no stored row's index makes (a fault's, or an older version's left beside a row
 * rewritten since), so that a filter finds exactly the rows whose index holds the value: of the whole store, or of
 * every collection in which one authority has index entries. Each page found with strays is checked again and cleaned
 * in a transaction that holds appends, so an entry a commit made meanwhile is kept.
 */
export const removeStrayEntries = (authorityId: AuthorityId | undefined, writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
    const scopes = authorityId === undefined ? [undefined] : (yield* indexedCollections(authorityId)).map((collection) => ({ collection, authorityId }))
    let removed = 0
    for (const only of scopes) removed += yield* removeStrayEntriesOf(only, writeTransaction)
    return removed
  })

const removeStrayEntriesOf = (only: Parameters<typeof entriesAfter>[1], writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let removed = 0
    let after: Entry | undefined
    for (;;) {
      const page = yield* entriesAfter(after, only)
      if (page.length === 0) return removed
      after = page.at(-1)!
      if ((yield* strayAmong(page)).length === 0) continue
      removed += yield* writeTransaction(
        Effect.gen(function* () {
          yield* holdAppends
          const stray = yield* strayAmong(page)
          if (stray.length > 0) {
            yield* sql`DELETE FROM read_model_index WHERE ${sql.or(
              stray.map((entry) => sql`(collection = ${entry.collection} AND authority_id = ${entry.authority_id} AND field = ${entry.field} AND value = ${entry.value} AND id = ${entry.id})`)
            )}`
          }
          return stray.length
        })
      )
    }
  })
