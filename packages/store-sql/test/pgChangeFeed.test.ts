import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore, type Commit, type StoredEvent } from "@carepanel/core"
import { Chunk, Effect, Fiber, Option, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { StoreIntegrity } from "../src/index.js"
import { writeLinks } from "../src/chain/appendLink.js"
import { type PendingLink, PendingLinks } from "../src/chain/pendingLinks.js"
import type { SigningKey } from "../src/chain/signingKey.js"
import { appendCommit } from "../src/store/appendCommit.js"
import { closePgAdmin, freshPgLayer } from "./support/freshStores.js"
import { runOn } from "./support/dialects.js"

afterAll(closePgAdmin)

const commitTo = (id: string): Commit => ({
  stream: { authorityId: "feed-a" as AuthorityId, streamType: "feed-test", id },
  expectedVersion: 0,
  events: [{ type: "Written", data: { id } }],
  readModels: [],
  notifications: []
})

/** One commit and its signed link, written in the caller's transaction, beside the store's own group commit. */
const appendSigned = (key: SigningKey, commit: Commit) =>
  Effect.gen(function* () {
    const links: Array<PendingLink> = []
    yield* Effect.provideService(appendCommit(commit), PendingLinks, links)
    yield* writeLinks(key, links)
  })

const feedOf = (count: number) =>
  Effect.flatMap(EventStore, (store) =>
    store.changes(0).pipe(Stream.take(count), Stream.runCollect, Effect.map(Chunk.toReadonlyArray), Effect.timeout("30 seconds"))
  )

const streamsOf = (events: ReadonlyArray<StoredEvent>) => events.map((event) => [event.stream.id, event.position])

describe("the change feed on PostgreSQL", () => {
  it("never skips an append that commits late: a later append waits for it, so positions become visible in order", () =>
    runOn(
      freshPgLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* EventStore
        const feed = yield* Effect.fork(feedOf(2))
        // The slow append takes position 1 and holds its transaction open for a while before committing.
        const slow = yield* Effect.fork(sql.withTransaction(Effect.zipLeft(appendSigned((yield* StoreIntegrity).key, commitTo("slow")), Effect.sleep("1500 millis"))))
        yield* Effect.sleep("300 millis")
        const fast = yield* Effect.fork(store.append(commitTo("fast")))
        yield* Effect.sleep("600 millis")
        expect(Option.isNone(yield* Fiber.poll(fast)), "a later append committed while an earlier one was in flight").toBe(true)
        expect(Option.isNone(yield* Fiber.poll(feed)), "the feed moved on before the slow append committed").toBe(true)
        yield* Fiber.join(slow)
        yield* Fiber.join(fast)
        expect(streamsOf(yield* feedOf(2))).toEqual([["slow", 1], ["fast", 2]])
        expect(streamsOf(yield* Fiber.join(feed))).toEqual([["slow", 1], ["fast", 2]])
      })
    ))

  it("a process that never follows the log holds no listening connection; one whose feed waits holds one", () =>
    runOn(
      freshPgLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const listeners = Effect.map(
          sql<{ n: number | string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
          (rows) => Number(rows[0]!.n)
        )
        yield* sql.withTransaction(appendSigned((yield* StoreIntegrity).key, commitTo("written")))
        yield* Effect.sleep("300 millis")
        expect(yield* listeners, "appends alone open no listening connection").toBe(0)
        yield* feedOf(1) // caught up at once, then the feed waits no more
        const feed = yield* Effect.fork(feedOf(2))
        yield* Effect.sleep("300 millis")
        expect(yield* listeners).toBe(1)
        yield* Fiber.interrupt(feed)
      })
    ))

  it("wakes on another connection's NOTIFY well before its safety poll", () =>
    runOn(
      freshPgLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const feed = yield* Effect.fork(feedOf(1))
        yield* Effect.sleep("300 millis")
        // Written beside the store, as another process would: only its NOTIFY, not this process's own append signal, wakes the feed.
        const sql = yield* SqlClient.SqlClient
        const started = Date.now()
        yield* sql.withTransaction(appendSigned((yield* StoreIntegrity).key, commitTo("elsewhere")))
        const [event] = yield* Fiber.join(feed)
        expect(event?.stream.id).toBe("elsewhere")
        expect(Date.now() - started, "woken by the poll, not by the notification").toBeLessThan(4_000)
        expect((yield* store.readAll({ after: 0, limit: 10 })).length).toBe(1)
      })
    ))

  it("listens again after the server ends its listening connection (a restart, a failover): another connection's append then wakes it well before its poll", () =>
    runOn(
      freshPgLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const listeners = sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`
        const feed = yield* Effect.fork(feedOf(1))
        yield* Effect.sleep("300 millis")
        const [before] = yield* listeners
        yield* sql`SELECT pg_terminate_backend(${before!.pid})`
        yield* Effect.sleep("1500 millis")
        expect((yield* listeners).map((row) => row.pid), "no listening connection again 1.5 s after it was ended").toEqual([expect.any(Number)])
        const started = Date.now()
        yield* sql.withTransaction(appendSigned((yield* StoreIntegrity).key, commitTo("after-a-restart")))
        const [event] = yield* Fiber.join(feed)
        expect(event?.stream.id).toBe("after-a-restart")
        expect(Date.now() - started, "woken by the poll, not by the notification").toBeLessThan(2_000)
      })
    ))
})
