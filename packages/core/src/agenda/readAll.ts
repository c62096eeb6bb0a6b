import { Effect, Schema } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import type { AuthorityId } from "../shared/ids.js"

/** Every document of one read model for one authority, decoded with its state schema. */
export const readAll = <A, I>(collection: string, schema: Schema.Schema<A, I>, authorityId: AuthorityId) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => readModels.query({ collection, authorityId })),
    Effect.flatMap((rows) => Effect.forEach(rows, (row) => Schema.decodeUnknown(schema)(row.doc).pipe(Effect.orDie)))
  )
