import { Chunk, Effect, Option, Schedule, Stream } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import { EventStore, type ReadAllOptions, type StoredEvent } from "./EventStore.js"

/** Events read per page while the feed catches up. */
const pageSize = 500

/**
 * A change feed built on `readAll`, which is its only source of truth: it reads every page after the last position
 * it emitted, and once a page comes back short (it has caught up) it waits on `newerThan(position)` before reading
 * again, rather than reading an empty page first: every append of the process wakes every feed, so that read was a
 * second statement per append per feed. `newerThan` is only a wake-up (an append in this process, a PostgreSQL
 * notification, a poll interval): a missed or spurious wake-up costs a read, never an event.
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
    Stream.unfoldChunkEffect({ position: after, caughtUp: false }, ({ position, caughtUp }) =>
      Effect.zipRight(caughtUp ? newerThan(position) : Effect.void, readAll({ after: position, limit: pageSize })).pipe(
        Effect.map((page) =>
          page.length === 0
            ? Option.some([Chunk.empty<StoredEvent>(), { position, caughtUp: true }] as const)
            : Option.some([Chunk.unsafeFromArray(page), { position: page[page.length - 1]!.position, caughtUp: page.length < pageSize }] as const)
        )
      )
    )

/** The newest committed position (0 for an empty store), read in pages so that a large store is not loaded at once. */
export const newestPosition = Effect.gen(function* () {
  const store = yield* EventStore
  let position = 0
  for (;;) {
    const page = yield* store.readAll({ after: position, limit: 5000 })
    if (page.length === 0) return position
    position = page[page.length - 1]!.position
  }
})

/**
 * Calls `onChange` with the store's newest position whenever the change feed brings events past the newest at the
 * start (or `from`), whichever process wrote them: once per batch the feed delivers, not per event. Runs until interrupted; a
 * failed read is retried from the last position seen, so nothing is heard twice or missed.
 */
export const followNewestPosition = (onChange: (position: number) => void, from?: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    let position = from ?? (yield* newestPosition)
    const follow = Stream.suspend(() => store.changes(position)).pipe(
      Stream.runForEachChunk((events) =>
        Effect.sync(() => {
          if (Chunk.isEmpty(events)) return
          position = Chunk.unsafeLast(events).position
          onChange(position)
        })
      )
    )
    return yield* follow.pipe(Effect.retry(Schedule.spaced("1 second")))
  })
