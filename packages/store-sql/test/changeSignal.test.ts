import { EventStore, type StoredEvent } from "@carepanel/core"
import { SqlClient } from "@effect/sql"
import { Chunk, Effect, Fiber, ManagedRuntime, Schedule, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { PgStoreLayer, StoreIntegrity } from "../src/index.js"
import { makeWriteTransaction } from "../src/sql/writeTransaction.js"
import { WriteLockWait } from "../src/sql/writeLockWait.js"
import { type ChangeSignalOptions, makeChangeSignal } from "../src/store/changeSignal.js"
import { makeGroupCommit } from "../src/store/groupCommit.js"
import { makeSqlEventStore } from "../src/store/SqlEventStore.js"
import { noteOn, } from "./support/appendSome.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

/** Long enough that a wait that ends in a test's time was ended by a wake-up, not by the poll. */
const noPoll: ChangeSignalOptions = { pollInterval: "1 hour" }

/** Whether `wait` is still waiting after `millis` (it is interrupted then). */
const stillWaitingAfter = (wait: Effect.Effect<void>, millis: number) =>
  Effect.map(Effect.timeout(wait, millis), () => false).pipe(Effect.catchTag("TimeoutException", () => Effect.succeed(true)))

describe("the change signal (this process's wake-ups)", () => {
  it("a waiting feed is woken by an append past its position, not by one at or before it", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const signal = yield* makeChangeSignal(noPoll)
          const waiting = yield* Effect.fork(signal.newerThan(5))
          yield* Effect.sleep("20 millis") // the feed is waiting
          yield* signal.raise(4)
          yield* signal.raise(5)
          yield* Effect.sleep("50 millis")
          expect(yield* Fiber.poll(waiting), "positions 4 and 5 are not news to a feed at 5").toMatchObject({ _tag: "None" })
          yield* signal.raise(6)
          expect(yield* Fiber.join(waiting).pipe(Effect.timeout("2 seconds"))).toBeUndefined()
        })
      )
    )
  })

  it("a feed behind the newest known position does not wait at all; a lower position raised later does not make it wait", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const signal = yield* makeChangeSignal(noPoll)
          yield* signal.raise(7)
          expect(yield* stillWaitingAfter(signal.newerThan(3), 1000)).toBe(false)
          // An append of no events raises 0, and a slower process's append an older position: neither is news.
          yield* signal.raise(0)
          yield* signal.raise(2)
          expect(yield* stillWaitingAfter(signal.newerThan(6), 1000), "7 is still the newest").toBe(false)
          expect(yield* stillWaitingAfter(signal.newerThan(7), 100), "a feed at 7 waits").toBe(true)
        })
      )
    )
  })

  it("every waiting feed behind the raised position is woken, and only those", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const signal = yield* makeChangeSignal(noPoll)
          const behind = yield* Effect.all([Effect.fork(signal.newerThan(1)), Effect.fork(signal.newerThan(2))])
          const atIt = yield* Effect.fork(signal.newerThan(3))
          yield* Effect.sleep("20 millis") // all three are waiting
          yield* signal.raise(3)
          yield* Effect.forEach(behind, (feed) => Fiber.join(feed).pipe(Effect.timeout("2 seconds")))
          yield* Effect.sleep("50 millis")
          expect(yield* Fiber.poll(atIt)).toMatchObject({ _tag: "None" })
          yield* Fiber.interrupt(atIt)
        })
      )
    )
  })

  it("without a wake-up, a waiting feed reads again after the poll interval", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const signal = yield* makeChangeSignal({ pollInterval: "150 millis" })
          expect(yield* stillWaitingAfter(signal.newerThan(0), 50)).toBe(true)
          expect(yield* stillWaitingAfter(signal.newerThan(0), 2000)).toBe(false)
        })
      )
    )
  })
})


/** The store's event store as the layer makes it, but polling only every hour: what a feed sees soon was signalled. */
const eventStoreWithoutPoll = Effect.gen(function* () {
  const writeTransaction = yield* Effect.provideService(makeWriteTransaction, WriteLockWait, { millis: 10_000 })
  const { key } = yield* StoreIntegrity
  return yield* makeSqlEventStore(yield* makeGroupCommit(writeTransaction, key), noPoll)
})

/** The first `count` events a feed from `after` brings, or a timeout. */
const firstFromFeed = (changes: (after: number) => Stream.Stream<StoredEvent, unknown>, after: number, count: number) =>
  Effect.fork(Stream.runCollect(Stream.take(changes(after), count)).pipe(Effect.map(Chunk.toReadonlyArray)))

for (const dialect of dialects) {
  describe(`${dialect.name}: appends of this process wake its change feeds`, () => {
    it("a caught-up feed is handed an append of this process as soon as it commits, up to the append's last position", async () => {
      await runOn(
        dialect.fresh(),
        Effect.scoped(Effect.gen(function* () {
          const store = yield* eventStoreWithoutPoll
          yield* store.append(noteOn("first-1", 0))
          const feed = yield* firstFromFeed(store.changes, 1, 2)
          yield* Effect.sleep("100 millis") // the feed has read and caught up: it waits
          // One append of two records (positions 2 and 3): the feed must be woken past both.
          yield* store.appendAll([noteOn("second-1", 0), noteOn("third-1", 0)])
          const events = yield* Fiber.join(feed).pipe(Effect.timeout("3 seconds"))
          expect(events.map((event) => [event.position, event.stream.id])).toEqual([
            [2, "second-1"],
            [3, "third-1"]
          ])
        }))
      )
    })
  })
}

/**
 * Until the waiting feed's store has sent its LISTEN (seen in pg_stat_activity; the other store follows no feed, so it
 * listens for nothing), so that a loaded machine cannot make the append below come before the feed listens. The feed need not have caught up: a notification that
 * comes first is remembered as the newest position, and the feed then does not wait.
 */
const feedListening = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'listen%'`.pipe(
    Effect.flatMap(([row]) => ((row?.n ?? 0) >= 1 ? Effect.void : Effect.fail("not yet" as const))),
    Effect.retry(Schedule.spaced("20 millis")),
    Effect.timeout("30 seconds")
  )
)

describe("PostgreSQL: another process's append wakes this process's feeds (LISTEN/NOTIFY)", () => {
  it("a feed waiting in one process is handed an append made by another well before its 5 s poll", async () => {
    const url = await freshPgDatabase()
    const here = ManagedRuntime.make(PgStoreLayer(url))
    const elsewhere = ManagedRuntime.make(PgStoreLayer(url))
    try {
      await elsewhere.runPromise(Effect.flatMap(EventStore, (store) => store.append(noteOn("first-1", 0))))
      // A daemon: it outlives the runPromise that starts it.
      const feed = await here.runPromise(
        Effect.flatMap(EventStore, (store) => Effect.forkDaemon(Stream.runCollect(Stream.take(store.changes(1), 1)).pipe(Effect.map(Chunk.toReadonlyArray))))
      )
      await elsewhere.runPromise(feedListening)
      const sent = Date.now()
      await elsewhere.runPromise(Effect.flatMap(EventStore, (store) => store.append(noteOn("second-1", 0))))
      const events = await here.runPromise(Fiber.join(feed).pipe(Effect.timeout("3 seconds")))
      expect(events.map((event) => [event.position, event.stream.id])).toEqual([[2, "second-1"]])
      expect(Date.now() - sent, "woken by the notification, not the poll").toBeLessThan(3000)
    } finally {
      await here.dispose()
      await elsewhere.dispose()
    }
  })
})
