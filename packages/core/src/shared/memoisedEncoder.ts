import { Schema } from "effect"

/**
 * `Schema.encodeSync(schema)` that encodes each value object once: states are never changed after they are made
 * (evolve returns a new state and keeps the parts it did not change), so a part that is the same object as last
 * time, a request's form say, has the same encoding. The encoded value is shared: never change it.
 */
export const memoisedEncoder = <A extends object, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  const encoded = new WeakMap<A, I>()
  return (value: A): I => {
    const known = encoded.get(value)
    if (known !== undefined) return known
    const fresh = encode(value)
    encoded.set(value, fresh)
    return fresh
  }
}
