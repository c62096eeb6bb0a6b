import { SqlClient } from "@effect/sql"
import { AccessLog, type AccessRecord, type ChildId, ConcurrencyConflict, EventStore, type PersonId } from "@carepanel/core"
import { Effect, Either, Fiber, } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { blockedOnALock, holdOpenTransaction } from "./support/pgLockHolder.js"
import { PgStoreLayer, SqliteStoreLayer, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { authorityA, noteOn, streamNamed } from "./support/appendSome.js"
import { groupingEngines, runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const readOf = (r: number): AccessRecord => ({
  authorityId: authorityA,
  personId: `sw-${r}` as PersonId,
  role: "social_worker",
  at: "2027-06-01T09:00:00.000Z",
  childId: `child-${r}` as ChildId,
  fields: ["name"],
  purpose: "panel preparation"
})

for (const engine of groupingEngines) {
  describe(`${engine.name}: group commit switched off (groupCommit: false)`, () => {
    it("commits sent together are each written in a transaction of their own, each answered with its own result, a stale one failing alone", async () => {
      const groups: Array<number> = []
      const layer = await engine.fresh({ groupCommit: false, onGroup: (commits) => groups.push(commits) })
      await runOn(
        layer,
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.append(noteOn("record-0", 0))
          // record-0 is at version 1: the commit expecting 0 is stale.
          const sent = [noteOn("record-0", 0), ...Array.from({ length: 6 }, (_, i) => noteOn(`record-${i + 1}`, 0)), noteOn("record-0", 1)]
          const results = yield* Effect.all(
            sent.map((commit) => Effect.either(store.append(commit))),
            { concurrency: "unbounded" }
          )
          expect(groups, "one group of one per commit that committed").toEqual(Array.from({ length: 8 }, () => 1))
          const [stale, ...rest] = results
          expect(Either.isLeft(stale!) && stale.left).toBeInstanceOf(ConcurrencyConflict)
          // Its conflict names the version it found: 1, or 2 where the commit expecting 1, sent with it on another
          // connection, got the stream's row first (PostgreSQL does not keep the order they were sent in).
          expect(stale).toMatchObject({ left: { expectedVersion: 0 } })
          expect([1, 2]).toContain(Either.isLeft(stale!) ? (stale.left as ConcurrencyConflict).actualVersion : undefined)
          const answered = rest.map((result) => (Either.isRight(result) ? result.right : undefined))
          expect(answered.map((result) => result?.version)).toEqual([1, 1, 1, 1, 1, 1, 2])
          // Each caller is told the position its own event has.
          for (const [i, commit] of sent.slice(1).entries()) {
            const stored = yield* store.readStream(commit.stream)
            expect(answered[i]?.positions).toEqual([stored[stored.length - 1]!.position])
          }
          const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
          expect(yield* verifyStore({ trusted }), "each commit alone still leaves its signed link").toMatchObject({ _tag: "Intact", commits: 8, events: 8 })
        })
      )
    })
  })
}

for (const engine of groupingEngines) {
  it(`${engine.name}: an appendAll of no commits answers no results and writes no group`, async () => {
    const groups: Array<number> = []
    const layer = await engine.fresh({ onGroup: (commits) => groups.push(commits) })
    await runOn(
      layer,
      Effect.gen(function* () {
        const store = yield* EventStore
        expect(yield* store.appendAll([])).toEqual([])
        expect(groups).toEqual([])
        yield* store.append(noteOn("record-1", 0))
        expect(groups).toEqual([1])
      })
    )
  })
}

describe("SQLite: inside a caller's transaction", () => {
  it("an append is written in that transaction, not a group: it is rolled back with it, and one after it commits", async () => {
    await runOn(
      SqliteStoreLayer({ dataDir: freshDataDir() }),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* EventStore
        const inside = yield* Effect.either(
          sql.withTransaction(Effect.zipRight(store.append(noteOn("inside-1", 0)), Effect.fail("the caller gives up" as const)))
        )
        expect(inside).toMatchObject({ left: "the caller gives up" })
        expect(yield* store.readStream(streamNamed("inside-1")), "rolled back with the caller's transaction").toEqual([])
        const committed = yield* sql.withTransaction(store.append(noteOn("inside-2", 0)))
        expect(committed).toEqual({ version: 1, positions: [1] })
        expect((yield* store.readStream(streamNamed("inside-2"))).map((event) => event.position)).toEqual([1])
      })
    )
  })
})

describe("PostgreSQL: commits that arrive while a group is written", () => {
  it("are written by the next groups, none of them empty, and a commit sent after the burst leads a group of its own", async () => {
    const groups: Array<number> = []
    const layer = await groupingEngines[1].fresh({ onGroup: (commits) => groups.push(commits) })
    await runOn(
      layer,
      Effect.gen(function* () {
        const store = yield* EventStore
        // Commits 3 ms apart: a group's round trips to PostgreSQL take longer, so later ones queue for the drain.
        const results = yield* Effect.all(
          Array.from({ length: 24 }, (_, i) => Effect.zipRight(Effect.sleep(`${3 * i} millis`), store.append(noteOn(`burst-${i}`, 0)))),
          { concurrency: "unbounded" }
        )
        expect(results.map((result) => result.version)).toEqual(Array.from({ length: 24 }, () => 1))
        expect(groups.reduce((sum, size) => sum + size, 0), "every commit was in exactly one group").toBe(24)
        expect(groups.filter((size) => size === 0), "no empty group is written").toEqual([])
        yield* Effect.sleep("100 millis")
        const groupsBefore = groups.length
        const after = yield* store.append(noteOn("after-burst", 0)).pipe(Effect.timeout("5 seconds"))
        expect(after.positions).toEqual([25])
        expect(groups.slice(groupsBefore), "the lone commit after the burst is a group of one").toEqual([1])
      })
    )
  })
})

describe("PostgreSQL: the order a group takes the two logs' locks in", () => {
  /** Takes event_head's row lock on a connection of its own and holds it; answers the effect that lets it go. */
  const holdEventHead = (url: string) => holdOpenTransaction(url, (sql) => sql`SELECT last_position FROM event_head WHERE id = 1 FOR UPDATE`)

  /** How many advisory locks (the access log's writer lock) are granted in this database. */
  const accessLocksGranted = Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ granted: number | string }>`SELECT count(*) AS granted FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
      ([row]) => Number(row?.granted)
    )
  )

  it("a group of access-log records alone does not wait for event_head, which another writer holds", async () => {
    const url = await freshPgDatabase()
    await runOn(
      PgStoreLayer(url),
      Effect.gen(function* () {
        const log = yield* AccessLog
        const releaseEventHead = yield* holdEventHead(url)
        const recorded = yield* Effect.either(
          Effect.all([log.record([readOf(1)]), log.record([readOf(2)])], { concurrency: "unbounded" }).pipe(Effect.timeout("5 seconds"))
        )
        yield* releaseEventHead
        expect(Either.isRight(recorded), "the reads were recorded while event_head was held").toBe(true)
        expect((yield* log.forChild(authorityA, "child-2" as ChildId)).map((entry) => entry.personId)).toEqual(["sw-2"])
      })
    )
  })

  it("a group of a read and an append takes event_head before the access log's lock, whichever arrived first", async () => {
    const url = await freshPgDatabase()
    await runOn(
      PgStoreLayer(url),
      Effect.gen(function* () {
        const log = yield* AccessLog
        const store = yield* EventStore
        const releaseEventHead = yield* holdEventHead(url)
        // The read arrives first and leads; the append joins its group.
        const group = yield* Effect.fork(Effect.all([log.record([readOf(1)]), store.append(noteOn("mixed-1", 0))], { concurrency: "unbounded" }))
        yield* blockedOnALock
        expect(yield* accessLocksGranted, "waiting for event_head, the group holds no access-log lock").toBe(0)
        yield* releaseEventHead
        const [, appended] = yield* Fiber.join(group)
        expect(appended.positions).toEqual([1])
        expect((yield* log.forChild(authorityA, "child-1" as ChildId)).map((entry) => entry.personId)).toEqual(["sw-1"])
      })
    )
  })
})
