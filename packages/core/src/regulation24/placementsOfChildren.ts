import { Effect } from "effect"
import type { ReadModels } from "../ports/ReadModels.js"
import type { PersistenceError } from "../shared/errors.js"
import { readWhere } from "../agenda/readAll.js"
import type { AuthorityId } from "../shared/ids.js"
import { Placement, placementCollection } from "./Placement.js"

/** Every Regulation 24 placement of the children, ended ones too: one read of the placements read model's child index each. */
export const placementsOfChildren = (authorityId: AuthorityId, childIds: Iterable<string>): Effect.Effect<ReadonlyArray<Placement>, PersistenceError, ReadModels> =>
  Effect.forEach(childIds, (childId) => readWhere(placementCollection, Placement, authorityId, { childId })).pipe(Effect.map((read) => read.flat()))
