import { SqlClient } from "@effect/sql"
import type { IndexValue } from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { Migration } from "./Migration.js"
import { writeReadModels } from "../store/writeReadModels.js"

/** Rows read and written again per statement. */
const page = 500

/** Index fields a migration adds to a stored document's row, worked out by the core from the document. */
export type FieldsOf = (doc: unknown) => Readonly<Record<string, IndexValue>>

interface Row {
  readonly authority_id: string
  readonly id: string
  readonly index_fields: string
  readonly doc: string
}

/** Every row of one collection, a page at a time in key order, with the core's fields added to its index. */
export const reindex = (collection: string, fields: FieldsOf) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let after = { authority_id: "", id: "" }
    for (;;) {
      const rows = yield* sql<Row>`SELECT authority_id, id, index_fields, doc FROM read_models
        WHERE collection = ${collection} AND (authority_id > ${after.authority_id} OR (authority_id = ${after.authority_id} AND id > ${after.id}))
        ORDER BY authority_id, id LIMIT ${page}`
      if (rows.length === 0) return
      yield* writeReadModels(
        rows.map((row) => {
          const doc = JSON.parse(row.doc) as unknown
          return { collection, authorityId: row.authority_id as never, id: row.id, index: { ...JSON.parse(row.index_fields), ...fields(doc) }, doc }
        })
      )
      after = rows[rows.length - 1]!
    }
  })

/** The core's index fields of a stored document: decoded with its state schema, then `index` of it. */
export const fieldsFrom =
  <A, I>(schema: Schema.Schema<A, I>, index: (state: A) => Readonly<Record<string, IndexValue>>): FieldsOf =>
  (doc) =>
    index(Schema.decodeUnknownSync(schema)(doc))

/** A migration that changes no table, only adds the core's index fields to the rows of these collections. */
export const reindexing = (collections: ReadonlyArray<readonly [string, FieldsOf]>): Migration => ({
  sqlite: [],
  pg: [],
  rewrite: Effect.forEach(collections, ([collection, fields]) => reindex(collection, fields), { discard: true })
})
