import { EventStore } from "@carepanel/core"
import { Effect, Fiber, Option } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { counterWriter } from "../support/counterWriter.js"
import { expectFeedMatchesLog, positionsUntil, takeFromFeed } from "../support/feed.js"
import { authority, commit, event, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")
const b = authority("contract-b")
const perWriter = 100

export const changeFeedSuite = (makeLayer: MakeStoreLayer) => {
  it("delivers the committed events in position order, waits, and wakes for the ones appended later", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.append(commit(streamOf(a, "first"), 0, { events: [event("Opened", 1), event("Moved", 2)] }))
        yield* store.append(commit(streamOf(b, "other"), 0))
        const feed = yield* Effect.fork(takeFromFeed(0, 5))
        expect(Option.isNone(yield* Fiber.poll(feed).pipe(Effect.delay("200 millis"))), "the feed ended before the events it waits for").toBe(true)
        yield* store.appendAll([commit(streamOf(a, "first"), 2), commit(streamOf(a, "second"), 0)])
        const fed = yield* Fiber.join(feed)
        expect(fed.map((e) => [e.stream.id, e.type])).toEqual([
          ["first", "Opened"], ["first", "Moved"], ["other", "Counted"], ["first", "Counted"], ["second", "Counted"]
        ])
        yield* expectFeedMatchesLog(0, fed)
      })
    ))

  it("newest position and positions: the log's end (0 when empty), and again each time it moves past the position given; positions waits for later appends", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        expect(yield* store.newestPosition, "an empty log").toBe(0)
        yield* store.append(commit(streamOf(a, "ends"), 0, { events: [event("Opened", 1), event("Moved", 2)] }))
        yield* store.append(commit(streamOf(b, "ends"), 0))
        expect(yield* store.newestPosition).toBe(3)
        expect(yield* positionsUntil(0, 3)).toEqual([3])
        expect(yield* positionsUntil(1, 3), "from inside the log: its end at once").toEqual([3])
        const waiting = yield* Effect.fork(positionsUntil(3, 5))
        expect(Option.isNone(yield* Fiber.poll(waiting).pipe(Effect.delay("200 millis"))), "emitted before anything was appended").toBe(true)
        yield* store.appendAll([commit(streamOf(a, "ends"), 2), commit(streamOf(a, "more"), 0)])
        const heard = yield* Fiber.join(waiting)
        expect(heard.at(-1)).toBe(5)
        expect(heard.every((position, i) => position > (heard[i - 1] ?? 3)), "each emission past the last").toBe(true)
      })
    ))

  it("resumes from a position: nothing at or before it, nothing twice", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const stream = streamOf(a, "resumed")
        for (let version = 0; version < 6; version++) yield* store.append(commit(stream, version))
        const firstThree = yield* takeFromFeed(0, 3)
        const resumeAt = firstThree[2]!.position
        const rest = yield* takeFromFeed(resumeAt, 3)
        expect([...firstThree, ...rest].map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6])
        yield* expectFeedMatchesLog(resumeAt, rest)
      })
    ))

  it(`follows 2 concurrent writers (${perWriter} appends each, one stream) with no gap, no duplicate and no reordering`, () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const stream = streamOf(a, "followed")
        const feed = yield* Effect.fork(takeFromFeed(0, 2 * perWriter))
        yield* Effect.all([counterWriter(stream, "left", perWriter), counterWriter(stream, "right", perWriter)], { concurrency: 2 })
        const fed = yield* Fiber.join(feed)
        expect(fed.map((e) => e.version)).toEqual(fed.map((_, i) => i + 1))
        yield* expectFeedMatchesLog(0, fed)
      })
    ))
}
