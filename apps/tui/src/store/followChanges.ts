import { EventStore } from "@carepanel/core"
import { Effect, Schedule } from "effect"

/**
 * Calls `onChange` whenever the store's newest position moves past the one last seen, whichever process wrote it.
 * The one place that follows the store: until the store's change feed (`EventStore.changes(after)`) lands, it polls
 * `readAll` for an event after the last position; with the feed, this becomes a `Stream.runForEach` over it.
 */
export const followChanges = (onChange: (position: number) => void, everyMs = 250) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    let position = yield* latestPosition
    const poll = Effect.gen(function* () {
      const newer = yield* store.readAll({ after: position, limit: 1000 })
      if (newer.length === 0) return
      position = newer[newer.length - 1]!.position
      onChange(position)
    })
    return yield* poll.pipe(Effect.catchAll(() => Effect.void), Effect.repeat(Schedule.spaced(everyMs)))
  })

/** The newest committed position (0 for an empty store), read in pages so that a large store is not loaded at once. */
export const latestPosition = Effect.gen(function* () {
  const store = yield* EventStore
  let position = 0
  for (;;) {
    const page = yield* store.readAll({ after: position, limit: 5000 })
    if (page.length === 0) return position
    position = page[page.length - 1]!.position
  }
})
