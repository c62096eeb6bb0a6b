import { Effect, type Schema } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import { decodeOnce } from "../shared/decodedDocuments.js"
import type { AuthorityId } from "../shared/ids.js"

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

/** The documents of one read model with these ids (those that exist), decoded with its state schema, one read each. */
export const readSome = <A, I>(collection: string, schema: Schema.Schema<A, I>, authorityId: AuthorityId, ids: Iterable<string>) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => Effect.forEach(ids, (id) => readModels.get(collection, authorityId, id))),
    Effect.map((rows) => rows.flatMap((row) => (row === undefined ? [] : [decodeOnce(schema, row.doc)])))
  )

/** The documents of one read model whose index matches `where`, decoded with its state schema. */
export const readWhere = <A, I>(collection: string, schema: Schema.Schema<A, I>, authorityId: AuthorityId, where: Readonly<Record<string, string>>) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => readModels.query({ collection, authorityId, where })),
    Effect.map((rows) => rows.map((row) => decodeOnce(schema, row.doc)))
  )
