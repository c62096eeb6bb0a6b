import { type AuthorityId, ReadModels } from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { InvalidInput } from "@carepanel/core"
import { cursorOf, idOfCursor } from "./cursors.js"
import { refuseArgument, refuseOutOfRange } from "./decodeInput.js"

export const maxPageSize = 100
export const defaultPageSize = 20

export interface PageArgs {
  readonly first?: number | null | undefined
  readonly after?: string | null | undefined
  readonly last?: number | null | undefined
  readonly before?: string | null | undefined
}

export interface Page<A> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: A }>
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null }
}

/** Forward pages only: the read models are walked in id order after a cursor (`afterId`, `limit`). */
export const pageOf = (args: PageArgs): Effect.Effect<{ readonly first: number; readonly afterId?: string }, InvalidInput> => {
  if (args.last != null) return refuseArgument("last", "is not supported: page forward with first and after")
  if (args.before != null) return refuseArgument("before", "is not supported: page forward with first and after")
  const first = args.first ?? defaultPageSize
  const outOfRange = refuseOutOfRange("first", first, maxPageSize)
  if (outOfRange) return outOfRange
  if (args.after == null) return Effect.succeed({ first })
  const afterId = idOfCursor(args.after)
  if (afterId === undefined) return refuseArgument("after", "is not a cursor from this API: use a pageInfo.endCursor")
  return Effect.succeed({ first, afterId })
}

export interface ReadModelPageQuery<A, I> {
  readonly collection: string
  readonly schema: Schema.Schema<A, I>
  readonly authorityId: AuthorityId
  readonly where: Readonly<Record<string, string | number | boolean>>
  /** A condition the index cannot check (a date range): pages are filled by reading on. */
  readonly keep?: (row: A) => boolean
  readonly args: PageArgs
}

/** One page of a read model, of the caller's authority only, as a Relay connection. */
export const readModelPage = <A, I>(query: ReadModelPageQuery<A, I>) =>
  Effect.gen(function* () {
    const { first, afterId: start } = yield* pageOf(query.args)
    const readModels = yield* ReadModels
    const decode = Schema.decodeUnknown(query.schema)
    const found: Array<{ readonly id: string; readonly node: A }> = []
    let afterId = start
    const batch = query.keep ? Math.max(first + 1, maxPageSize) : first + 1
    while (found.length <= first) {
      const rows = yield* readModels.query({
        collection: query.collection,
        authorityId: query.authorityId,
        where: query.where,
        limit: batch,
        ...(afterId === undefined ? {} : { afterId })
      })
      for (const row of rows) {
        const node = yield* decode(row.doc).pipe(Effect.orDie)
        if (query.keep === undefined || query.keep(node)) found.push({ id: row.id, node })
        if (found.length > first) break
      }
      if (rows.length < batch) break
      afterId = rows[rows.length - 1]!.id
    }
    const edges = found.slice(0, first).map(({ id, node }) => ({ cursor: cursorOf(id), node }))
    return {
      edges,
      pageInfo: {
        hasNextPage: found.length > first,
        hasPreviousPage: query.args.after != null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null
      }
    } satisfies Page<A>
  })
