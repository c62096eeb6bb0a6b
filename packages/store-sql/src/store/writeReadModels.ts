import { SqlClient } from "@effect/sql"
import type { IndexValue, ReadModelRow } from "@carepanel/core"
import type { Fragment } from "@effect/sql/Statement"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"
import { indexEntries } from "./indexEntries.js"

/** Index entries deleted per statement (5 bound parameters each), well under SQLite's limit of 32,766. */
const entriesPerDelete = 1_000

type Entry = { readonly field: string; readonly value: string }
const keyOf = (row: ReadModelRow) => JSON.stringify([row.collection, row.authorityId, row.id])
const entryKey = (entry: Entry) => JSON.stringify([entry.field, entry.value])
const minus = (a: ReadonlyArray<Entry>, b: ReadonlyArray<Entry>) => {
  const keys = new Set(b.map(entryKey))
  return a.filter((entry) => !keys.has(entryKey(entry)))
}

/** A `read_models` row as stored. */
export const readModelsRowOf = (row: ReadModelRow) => ({
  collection: row.collection,
  authority_id: row.authorityId,
  id: row.id,
  index_fields: JSON.stringify(row.index),
  doc: JSON.stringify(row.doc ?? null)
})

/** A row's `read_model_index` entries as stored. */
export const indexRowsOf = (row: ReadModelRow) =>
  indexEntries(row.index).map(({ field, value }) => ({ collection: row.collection, authority_id: row.authorityId, field, value, id: row.id }))

/**
 * The index each row had before this commit (read inside the transaction), by row key: one statement for all the
 * rows, whatever their collections (a request's commit writes `referrals` and `referralClocks`).
 */
const previousIndexes = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const groups = new Map<string, Array<ReadModelRow>>()
    for (const row of rows) {
      const key = JSON.stringify([row.collection, row.authorityId])
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [row])
      else group.push(row)
    }
    const found = yield* directly(
      sql,
      sql<{ collection: string; authority_id: string; id: string; index_fields: string }>`SELECT collection, authority_id, id,
        index_fields FROM read_models WHERE ${sql.or(
          [...groups.values()].map(
            (group) => sql`(collection = ${group[0]!.collection} AND authority_id = ${group[0]!.authorityId} AND id IN ${sql.in(group.map((row) => row.id))})`
          )
        )}`
    )
    const previous = new Map<string, Readonly<Record<string, IndexValue>>>()
    for (const old of found) previous.set(JSON.stringify([old.collection, old.authority_id, old.id]), JSON.parse(old.index_fields))
    return previous
  })

/**
 * Upserts read-model rows and brings their index entries up to date: only entries that changed are
 * deleted (by primary key) or inserted. A row written twice in one commit: the last wins.
 */
export const writeReadModels = (input: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    if (input.length === 0) return
    const sql = yield* SqlClient.SqlClient
    const rows = [...new Map(input.map((row) => [keyOf(row), row])).values()]
    const previous = yield* previousIndexes(rows)
    yield* directly(
      sql,
      sql`INSERT INTO read_models ${sql.insert(rows.map(readModelsRowOf))} ON CONFLICT (collection, authority_id, id) DO UPDATE
        SET index_fields = excluded.index_fields, doc = excluded.doc`
    )
    const added: Array<Record<string, string>> = []
    const removed: Array<Fragment> = []
    for (const row of rows) {
      const before = indexEntries(previous.get(keyOf(row)) ?? {})
      const after = indexEntries(row.index)
      for (const { field, value } of minus(before, after)) {
        removed.push(sql`(collection = ${row.collection} AND authority_id = ${row.authorityId} AND field = ${field} AND value = ${value} AND id = ${row.id})`)
      }
      for (const { field, value } of minus(after, before)) {
        added.push({ collection: row.collection, authority_id: row.authorityId, field, value, id: row.id })
      }
    }
    // Entries that changed: deleted by primary key, all in one statement, then the new ones in one.
    for (let i = 0; i < removed.length; i += entriesPerDelete) {
      yield* directly(sql, sql`DELETE FROM read_model_index WHERE ${sql.or(removed.slice(i, i + entriesPerDelete))}`)
    }
    if (added.length > 0) yield* directly(sql, sql`INSERT INTO read_model_index ${sql.insert(added)}`)
  })
