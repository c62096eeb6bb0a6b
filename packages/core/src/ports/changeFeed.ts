import { Chunk, Effect, Option, Stream } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { ReadAllOptions, StoredEvent } from "./EventStore.js"

/** Events read per page while the feed catches up. */
const pageSize = 500

/**
 * A change feed built on `readAll`, which is its only source of truth: it reads every page after the last position
 * it emitted, and when there is nothing newer it waits on `newerThan(position)` before reading again. `newerThan`
 * is only a wake-up (an append in this process, a PostgreSQL notification, a poll interval): a missed or spurious
 * wake-up costs a read, never an event.
 *
 * Gap-free only if no event can become visible after a later position has: every store here takes positions from
 * one row locked until its append commits, so appends commit in position order.
 */
export const changeFeed =
  (
    readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<StoredEvent>, PersistenceError>,
    newerThan: (position: number) => Effect.Effect<void>
  ) =>
  (after: number): Stream.Stream<StoredEvent, PersistenceError> =>
    Stream.unfoldChunkEffect(after, (position) =>
      Effect.flatMap(readAll({ after: position, limit: pageSize }), (page) =>
        page.length === 0
          ? Effect.as(newerThan(position), Option.some([Chunk.empty<StoredEvent>(), position] as const))
          : Effect.succeed(Option.some([Chunk.unsafeFromArray(page), page[page.length - 1]!.position] as const))
      )
    )
