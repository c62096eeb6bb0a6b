import { describe, expect, it } from "@effect/vitest"
import { Chunk, Deferred, Effect, Fiber, Ref, Stream, TestClock } from "effect"
import { followChanges, followNewestPosition, newestPosition } from "../../src/ports/changeFeed.js"
import { EventStore, type StreamRef } from "../../src/ports/EventStore.js"
import { PersistenceError } from "../../src/shared/errors.js"
import type { AuthorityId } from "../../src/shared/ids.js"
import { makeInMemoryStore } from "../../src/testing/InMemoryStore.js"

// The change feed is what the API's subscriptions, the deadline watcher and the outbox dispatcher follow: an event it
// skips is a notification never sent, an event it brings twice a notification sent twice.

const streamOf = (id: string): StreamRef => ({ authorityId: "northmoor" as AuthorityId, streamType: "Referral", id })

/** Appends `count` events to a new stream, one commit. */
const appendEvents = (store: EventStore["Type"], streamId: string, count: number) =>
  store.append({
    stream: streamOf(streamId),
    expectedVersion: 0,
    events: Array.from({ length: count }, (_, i) => ({ type: "NoteAdded", data: { n: i } })),
    readModels: [],
    notifications: []
  })

const positionsOf = (events: Chunk.Chunk<{ readonly position: number }>) => Chunk.toReadonlyArray(events).map((event) => event.position)
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe("the change feed", () => {
  it.effect("brings every event after the given position once and in order, over several pages, then the next append", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      yield* appendEvents(eventStore, "a", 600)
      yield* appendEvents(eventStore, "b", 603)

      const caughtUp = yield* eventStore.changes(2).pipe(Stream.take(1201), Stream.runCollect)
      expect(positionsOf(caughtUp)).toEqual(range(3, 1203))

      const next = yield* eventStore.changes(1203).pipe(Stream.take(2), Stream.runCollect, Effect.fork)
      yield* Effect.yieldNow()
      yield* appendEvents(eventStore, "c", 2)
      expect(positionsOf(yield* Fiber.join(next))).toEqual([1204, 1205])
    }))

  it.effect("waits on an empty store and brings the first event when it is written", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      const first = yield* eventStore.changes(0).pipe(Stream.take(1), Stream.runCollect, Effect.fork)
      yield* Effect.yieldNow()
      yield* appendEvents(eventStore, "a", 1)
      expect(positionsOf(yield* Fiber.join(first))).toEqual([1])
    }))
})

describe("the newest position", () => {
  it.effect("is 0 for an empty store and the last event's position for one larger than a page of reads", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      expect(yield* newestPosition.pipe(Effect.provideService(EventStore, eventStore))).toBe(0)
      yield* appendEvents(eventStore, "a", 5000)
      yield* appendEvents(eventStore, "b", 3)
      expect(yield* newestPosition.pipe(Effect.provideService(EventStore, eventStore))).toBe(5003)
    }))
})

describe("following the newest position", () => {
  it.effect("hears each batch written after it starts, with the newest position, and nothing from before", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      yield* appendEvents(eventStore, "before", 4)
      const heard: Array<number> = []
      const twice = yield* Deferred.make<void>()
      const follower = yield* followNewestPosition((position) => {
        heard.push(position)
        if (heard.length === 2) Deferred.unsafeDone(twice, Effect.void)
      }).pipe(Effect.provideService(EventStore, eventStore), Effect.fork)
      yield* Effect.yieldNow()
      yield* appendEvents(eventStore, "first", 3)
      yield* Effect.yieldNow()
      yield* appendEvents(eventStore, "second", 1)
      yield* Deferred.await(twice)
      yield* Fiber.interrupt(follower)
      expect(heard).toEqual([7, 8])
    }))

  it.effect("starts from the position it is given", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      yield* appendEvents(eventStore, "a", 5)
      const heard = yield* Deferred.make<number>()
      const follower = yield* followNewestPosition((position) => Deferred.unsafeDone(heard, Effect.succeed(position)), 2).pipe(
        Effect.provideService(EventStore, eventStore),
        Effect.fork
      )
      expect(yield* Deferred.await(heard)).toBe(5)
      yield* Fiber.interrupt(follower)
    }))

  it.effect("retries a failed read a second later from the last position heard, so nothing is heard twice", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      const reads = yield* Ref.make<ReadonlyArray<number>>([])
      // A store whose positions feed breaks once, after it has brought the first batch's end.
      const breaking = EventStore.of({
        ...eventStore,
        positions: (after) =>
          Stream.unwrap(
            Ref.modify(reads, (seen) => [seen.length, [...seen, after]]).pipe(
              Effect.map((n) =>
                n === 0
                  ? eventStore.positions(after).pipe(Stream.take(1), Stream.concat(Stream.fail(new PersistenceError({ operation: "newest position", message: "database restarting" }))))
                  : eventStore.positions(after)
              )
            )
          )
      })
      const heard: Array<number> = []
      const follower = yield* followNewestPosition((position) => heard.push(position), 0).pipe(
        Effect.provideService(EventStore, breaking),
        Effect.fork
      )
      yield* appendEvents(eventStore, "a", 2)
      yield* Effect.yieldNow().pipe(Effect.repeatN(20))
      yield* TestClock.adjust("999 millis")
      expect(yield* Ref.get(reads)).toEqual([0])
      yield* TestClock.adjust("1 millis")
      yield* appendEvents(eventStore, "b", 1)
      yield* Effect.yieldNow().pipe(Effect.repeatN(20))
      yield* Fiber.interrupt(follower)
      expect(yield* Ref.get(reads)).toEqual([0, 2])
      expect(heard).toEqual([2, 3])
    }))
})

describe("following the changes through faults", () => {
  it.effect("a read that fails is tried again a second later from the last event brought: every event once, in order", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      yield* appendEvents(eventStore, "a", 3)
      const reads = yield* Ref.make<ReadonlyArray<number>>([])
      // The database goes away after the first page: the feed fails with what it has brought so far.
      const breaking = EventStore.of({
        ...eventStore,
        changes: (after) =>
          Stream.unwrap(
            Ref.modify(reads, (seen) => [seen.length, [...seen, after]]).pipe(
              Effect.map((n) =>
                n === 0
                  ? eventStore.changes(after).pipe(Stream.take(3), Stream.concat(Stream.fail(new PersistenceError({ operation: "read all", message: "database restarting" }))))
                  : eventStore.changes(after)
              )
            )
          )
      })
      const follower = yield* followChanges(0).pipe(Stream.take(5), Stream.runCollect, Effect.provideService(EventStore, breaking), Effect.fork)
      yield* Effect.yieldNow().pipe(Effect.repeatN(20))
      yield* appendEvents(eventStore, "b", 2)
      yield* TestClock.adjust("999 millis")
      expect(yield* Ref.get(reads)).toEqual([0])
      yield* TestClock.adjust("1 millis")
      expect(positionsOf(yield* Fiber.join(follower))).toEqual([1, 2, 3, 4, 5])
      expect(yield* Ref.get(reads)).toEqual([0, 3])
    }))
})
