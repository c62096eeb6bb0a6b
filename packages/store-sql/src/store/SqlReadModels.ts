import { SqlClient } from "@effect/sql"
import { type AuthorityId, type ReadModelQuery, type ReadModelRow, ReadModels } from "@carepanel/core"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import { sqlLimit } from "../sql/sqlLimit.js"
import { filterKey } from "./indexEntries.js"
import { parsedDocuments } from "./parsedDocuments.js"

/** Only what differs row by row: the collection and authority are the query's own. */
interface Row {
  readonly id: string
  readonly index_fields: string
  readonly doc: string
}

/** Document and index texts whose parsed forms are kept (about 10 KB each in memory for a request with its form). */
const parsedDocumentCapacity = 50_000

/**
 * Reads read-model rows. A filtered query walks `read_model_index` for its first filter (one range scan
 * of its primary key, already in id order, stopping at the limit), checks the other filters with
 * primary-key lookups, and only then fetches the page's documents.
 */
export const makeSqlReadModels = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const parsed = parsedDocuments(parsedDocumentCapacity)
  const toReadModelRow = (collection: string, authorityId: AuthorityId) => (row: Row): ReadModelRow => ({
    collection,
    authorityId,
    id: row.id,
    index: parsed(row.index_fields) as ReadModelRow["index"],
    doc: parsed(row.doc)
  })

  const query = ({ collection, authorityId, where, afterId, limit }: ReadModelQuery) => {
    const [first, ...rest] = Object.entries(where ?? {})
    const after = afterId === undefined ? sql`` : sql`AND i.id > ${afterId}`
    if (first === undefined) {
      return sql<Row>`SELECT i.id, i.index_fields, i.doc FROM read_models i
        WHERE i.collection = ${collection} AND i.authority_id = ${authorityId} ${after}
        ORDER BY i.id LIMIT ${sqlLimit(limit)}`
    }
    const others = rest.map(
      ([field, value]) => sql`AND EXISTS (SELECT 1 FROM read_model_index o
        WHERE o.collection = i.collection AND o.authority_id = i.authority_id
          AND o.field = ${field} AND o.value = ${filterKey(value)} AND o.id = i.id)`
    )
    return sql<Row>`SELECT r.id, r.index_fields, r.doc
      FROM (SELECT i.collection, i.authority_id, i.id FROM read_model_index i
        WHERE i.collection = ${collection} AND i.authority_id = ${authorityId}
          AND i.field = ${first[0]} AND i.value = ${filterKey(first[1])} ${after} ${sql.join(" ", false)(others)}
        ORDER BY i.id LIMIT ${sqlLimit(limit)}) page
      JOIN read_models r ON r.collection = page.collection AND r.authority_id = page.authority_id AND r.id = page.id
      ORDER BY r.id`
  }

  return ReadModels.of({
    get: (collection, authorityId, id) =>
      directly(
        sql,
        sql<Row>`SELECT id, index_fields, doc FROM read_models
          WHERE collection = ${collection} AND authority_id = ${authorityId} AND id = ${id}`
      ).pipe(
        Effect.map((rows) => (rows[0] === undefined ? undefined : toReadModelRow(collection, authorityId)(rows[0]))),
        asPersistenceError("read the record")
      ),
    query: (input) =>
      directly(sql, query(input)).pipe(
        Effect.map((rows) => rows.map(toReadModelRow(input.collection, input.authorityId))),
        asPersistenceError("search the records")
      )
  })
})
