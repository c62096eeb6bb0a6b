import { Effect, Schema } from "effect"

/**
 * Documents already decoded, per schema and per document object. A store that hands back the same object for a row
 * whose stored document has not changed (store-sql does) gets each row decoded once; any other store decodes on
 * every read, as before. Read models are never mutated, so a decoded value can be shared between reads.
 */
const decoded = new WeakMap<Schema.Schema.Any, WeakMap<object, unknown>>()

/** A read model's document decoded with its state schema, once per document object; throws if it does not decode. */
export const decodeOnce = <A, I>(schema: Schema.Schema<A, I>, doc: unknown): A => {
  if (typeof doc !== "object" || doc === null) return Schema.decodeUnknownSync(schema)(doc)
  const cache = decoded.get(schema) ?? new WeakMap<object, unknown>()
  decoded.set(schema, cache)
  const hit = cache.get(doc)
  if (hit !== undefined) return hit as A
  const value = Schema.decodeUnknownSync(schema)(doc)
  cache.set(doc, value)
  return value
}

/** `decodeOnce` as an effect: a document that does not decode is a defect (the store wrote what the schema encoded). */
export const decodeDocument = <A, I>(schema: Schema.Schema<A, I>, doc: unknown): Effect.Effect<A> => Effect.sync(() => decodeOnce(schema, doc))
