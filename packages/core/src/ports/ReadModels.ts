import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"

/** Values a read model can be filtered on. Arrays match when any element equals the filter value. */
export type IndexValue = string | number | boolean | null | ReadonlyArray<string>

/**
 * One row of a read model: a JSON document plus the few fields queries filter on. Written in the same
 * transaction as the events it comes from (see `Commit`).
 */
export interface ReadModelRow {
  readonly collection: string
  readonly authorityId: AuthorityId
  readonly id: string
  readonly index: Readonly<Record<string, IndexValue>>
  readonly doc: unknown
}

export interface ReadModelQuery {
  readonly collection: string
  readonly authorityId: AuthorityId
  /** Every entry must match (equality; for array-valued index fields, membership). */
  readonly where?: Readonly<Record<string, string | number | boolean>>
  /** Rows are ordered by id; return those after this id. */
  readonly afterId?: string
  readonly limit?: number
}

export class ReadModels extends Context.Tag("@carepanel/core/ReadModels")<
  ReadModels,
  {
    readonly get: (
      collection: string,
      authorityId: AuthorityId,
      id: string
    ) => Effect.Effect<ReadModelRow | undefined, PersistenceError>
    readonly query: (query: ReadModelQuery) => Effect.Effect<ReadonlyArray<ReadModelRow>, PersistenceError>
  }
>() {}
