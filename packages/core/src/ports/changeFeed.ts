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

/**
 * The positions feed on a store's newest committed position (`newest`, one cheap read) and the same wake-up as
 * `changeFeed`: each time the log has moved past the last position emitted, its new end. A spurious wake-up costs a
 * read and emits nothing.
 */
export const positionFeed =
  (newest: Effect.Effect<number, PersistenceError>, newerThan: (position: number) => Effect.Effect<void>) =>
  (after: number): Stream.Stream<number, PersistenceError> =>
    Stream.unfoldChunkEffect({ position: after, caughtUp: false }, ({ position, caughtUp }) =>
      Effect.zipRight(caughtUp ? newerThan(position) : Effect.void, newest).pipe(
        Effect.map((end) =>
          Option.some(end > position ? ([Chunk.of(end), { position: end, caughtUp: true }] as const) : ([Chunk.empty<number>(), { position, caughtUp: true }] as const))
        )
      )
    )

/** The newest committed position (0 for an empty store). */
export const newestPosition = Effect.flatMap(EventStore, (store) => store.newestPosition)

/**
 * Calls `onChange` with the store's newest position whenever the log moves past the newest at the start (or `from`),
 * whichever process wrote: once per wake-up of the positions feed, not per event. Runs until interrupted; a failed read
 * is retried from the last position seen, so nothing is heard twice or missed.
 */
export const followNewestPosition = (onChange: (position: number) => void, from?: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    let position = from ?? (yield* newestPosition)
    // Positions only: reading every new event in full (its data parsed) just to learn where the log ends cost a
    // write-heavy API a few per cent of each write's CPU, and every process re-read every other process's events.
    const follow = Stream.suspend(() => store.positions(position)).pipe(
      Stream.runForEach((newest) =>
        Effect.sync(() => {
          position = newest
          onChange(position)
        })
      )
    )
    return yield* follow.pipe(Effect.retry(Schedule.spaced("1 second")))
  })

/**
 * The store's changes after `after` for as long as they are read, through faults: a failed read (the database
 * restarting) is tried again a second later from the last event brought, so a follower of the feed (a subscriber, the
 * deadline watcher) hears nothing while the store is down and then catches up, with nothing missed or heard twice.
 */
export const followChanges = (after: number) =>
  Stream.unwrap(
    Effect.map(EventStore, (store) => {
      let position = after
      return Stream.suspend(() => store.changes(position)).pipe(
        Stream.mapChunksEffect((events) =>
          Effect.sync(() => {
            position = Option.match(Chunk.last(events), { onNone: () => position, onSome: (event) => event.position })
            return events
          })
        ),
        Stream.retry(Schedule.spaced("1 second"))
      )
    })
  )
