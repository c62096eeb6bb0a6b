import { SqlClient } from "@effect/sql"
import type { IndexValue, ReadModelRow } from "@carepanel/core"
import { Effect } from "effect"
import { indexEntries } from "./indexEntries.js"

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

/** The index each row had before this commit (read inside the transaction), by row key. */
const previousIndexes = (rows: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const previous = new Map<string, Readonly<Record<string, IndexValue>>>()
    const groups = new Map<string, Array<ReadModelRow>>()
    for (const row of rows) {
      const key = JSON.stringify([row.collection, row.authorityId])
      groups.set(key, [...(groups.get(key) ?? []), row])
    }
    for (const group of groups.values()) {
      const { collection, authorityId } = group[0]!
      const found = yield* sql<{ id: string; index_fields: string }>`SELECT id, index_fields FROM read_models
        WHERE collection = ${collection} AND authority_id = ${authorityId} AND id IN ${sql.in(group.map((row) => row.id))}`
      for (const old of found) previous.set(JSON.stringify([collection, authorityId, old.id]), JSON.parse(old.index_fields))
    }
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
    yield* sql`INSERT INTO read_models ${sql.insert(rows.map(readModelsRowOf))} ON CONFLICT (collection, authority_id, id) DO UPDATE
      SET index_fields = excluded.index_fields, doc = excluded.doc`
    const added: Array<Record<string, string>> = []
    for (const row of rows) {
      const before = indexEntries(previous.get(keyOf(row)) ?? {})
      const after = indexEntries(row.index)
      for (const { field, value } of minus(before, after)) {
        yield* sql`DELETE FROM read_model_index WHERE collection = ${row.collection} AND authority_id = ${row.authorityId}
          AND field = ${field} AND value = ${value} AND id = ${row.id}`
      }
      for (const { field, value } of minus(after, before)) {
        added.push({ collection: row.collection, authority_id: row.authorityId, field, value, id: row.id })
      }
    }
    if (added.length > 0) yield* sql`INSERT INTO read_model_index ${sql.insert(added)}`
  })
