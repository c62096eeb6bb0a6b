import { type AuthorityId, EventStore, presetSlugs, preset, type StoredEvent } from "@carepanel/core"
import { inMemoryCore, playWeek } from "@carepanel/core/testing"
import { Effect, TestContext } from "effect"

/** The authority the replay bench writes under, apart from the other benches' rows. */
export const replayAuthority = "bench-replay" as AuthorityId

/** Every event of a panel week played through core's use cases, once per built-in preset: real, encoded as stored. */
const realEvents: Effect.Effect<ReadonlyArray<StoredEvent>, unknown> = Effect.forEach(presetSlugs, (slug) =>
  Effect.gen(function* () {
    yield* playWeek(preset(slug))
    return yield* (yield* EventStore).readAll({ after: 0, limit: 1_000_000 })
  }).pipe(Effect.provide(inMemoryCore(preset(slug))), Effect.provide(TestContext.TestContext))
).pipe(Effect.map((weeks) => weeks.flat()))

/**
 * Writes copies of those weeks into the bench store, one commit per stream (each copy's stream ids get a suffix),
 * until at least `atLeast` events are in. Answers how many events and streams it wrote.
 */
export const seedReplayEvents = (atLeast: number) =>
  Effect.gen(function* () {
    const events = yield* realEvents
    const streams = new Map<string, Array<StoredEvent>>()
    for (const event of events) {
      const key = `${event.stream.streamType}/${event.stream.id}`
      streams.set(key, [...(streams.get(key) ?? []), event])
    }
    const store = yield* EventStore
    let written = 0
    let copies = 0
    while (written < atLeast) {
      copies++
      for (const stream of streams.values()) {
        const { streamType, id } = stream[0]!.stream
        yield* store.append({
          stream: { authorityId: replayAuthority, streamType, id: `${id}-copy${copies}` },
          expectedVersion: 0,
          events: stream.map(({ type, data }) => ({ type, data })),
          readModels: [],
          notifications: []
        })
        written += stream.length
      }
    }
    return { events: written, streams: copies * streams.size }
  })
