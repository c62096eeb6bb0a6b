import { Effect, Schema } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import type { AuthorityId } from "../shared/ids.js"

/**
 * Documents already decoded, per schema and per document object. A store that hands back the same object for a row
 * whose stored document has not changed (store-sql does) gets each row decoded once; any other store decodes on
 * every read, as before. Read models are never mutated, so a decoded value can be shared between reads.
 */
const decoded = new WeakMap<Schema.Schema.Any, WeakMap<object, unknown>>()

const decodeOnce = <A, I>(schema: Schema.Schema<A, I>, doc: unknown): A => {
  if (typeof doc !== "object" || doc === null) return Schema.decodeUnknownSync(schema)(doc)
  const cache = decoded.get(schema) ?? new WeakMap<object, unknown>()
  decoded.set(schema, cache)
  const hit = cache.get(doc)
  if (hit !== undefined) return hit as A
  const value = Schema.decodeUnknownSync(schema)(doc)
  cache.set(doc, value)
  return value
}

/**
 * Every document of one read model for one authority, decoded with its state schema. Decoded in one synchronous
 * loop, not an effect per row: at 5,000 rows the effects cost more than the decoding (a cache hit). A document that
 * does not decode is a defect, as before.
 */
export const readAll = <A, I>(collection: string, schema: Schema.Schema<A, I>, authorityId: AuthorityId) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => readModels.query({ collection, authorityId })),
    Effect.flatMap((rows) => Effect.sync(() => rows.map((row) => decodeOnce(schema, row.doc))))
  )
