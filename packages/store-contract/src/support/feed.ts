import { EventStore, type StoredEvent } from "@carepanel/core"
import { Chunk, Duration, Effect, Stream } from "effect"
import { expect } from "vitest"

/** The first `count` events of the change feed after `after`; fails the test if they do not all come within `within`. */
export const takeFromFeed = (after: number, count: number, within: Duration.DurationInput = Duration.seconds(60)) =>
  Effect.flatMap(EventStore, (store) =>
    store.changes(after).pipe(
      Stream.take(count),
      Stream.runCollect,
      Effect.map(Chunk.toReadonlyArray),
      Effect.timeoutFail({
        duration: within,
        onTimeout: () => new Error(`the change feed did not deliver ${count} events after position ${after} within ${Duration.format(within)}`)
      })
    )
  )

/** What the feed delivered is exactly the log after `after`: positions consecutive, none missing, none twice. */
export const expectFeedMatchesLog = (after: number, fed: ReadonlyArray<StoredEvent>) =>
  Effect.gen(function* () {
    const logged = yield* (yield* EventStore).readAll({ after, limit: fed.length + 1000 })
    expect(fed.map((event) => event.position)).toEqual(fed.map((_, i) => after + i + 1))
    expect(fed).toEqual(logged.slice(0, fed.length))
  })

/** What the positions feed emits after `after` until it reaches `end`; fails the test if it does not within `within`. */
export const positionsUntil = (after: number, end: number, within: Duration.DurationInput = Duration.seconds(60)) =>
  Effect.flatMap(EventStore, (store) =>
    store.positions(after).pipe(
      Stream.takeUntil((position) => position >= end),
      Stream.runCollect,
      Effect.map(Chunk.toReadonlyArray),
      Effect.timeoutFail({
        duration: within,
        onTimeout: () => new Error(`the positions feed did not reach ${end} after ${after} within ${Duration.format(within)}`)
      })
    )
  )
