import { Effect } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import { decodeDocument } from "../shared/decodedDocuments.js"
import { NotFound } from "../shared/errors.js"
import type { AuthorityId, SittingId } from "../shared/ids.js"
import { Sitting } from "./Sitting.js"
import { sittingCollection } from "./sittingAggregate.js"

/** One sitting of an authority, from the read model; another authority's answers NotFound exactly as a missing one. */
export const readSitting = (authorityId: AuthorityId, id: SittingId) =>
  Effect.gen(function* () {
    const row = yield* (yield* ReadModels).get(sittingCollection, authorityId, id)
    if (row === undefined) return yield* Effect.fail(NotFound.of("sitting", id))
    return yield* decodeDocument(Sitting, row.doc)
  })
