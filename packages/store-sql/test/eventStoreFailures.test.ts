import { SqlClient } from "@effect/sql"
import { ConcurrencyConflict, EventStore, PersistenceError, streamIdOf } from "@carepanel/core"
import { Effect, Either, Fiber, } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { blockedOnALock, holdOpenTransaction } from "./support/pgLockHolder.js"
import { PgStoreLayer, StoreIntegrity } from "../src/index.js"
import { WriteLockWait } from "../src/sql/writeLockWait.js"
import { makeWriteTransaction } from "../src/sql/writeTransaction.js"
import { type GroupCommit, makeGroupCommit } from "../src/store/groupCommit.js"
import { makeSqlEventStore } from "../src/store/SqlEventStore.js"
import { authorityA, noteOn, streamNamed } from "./support/appendSome.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, freshPgDatabase, freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})


/** A raw `events` row for a stream's version, as a writer that bypasses the store's append would write it. */
const rawEventRow = (id: string, version: number, position: number) => ({
  position,
  stream_id: streamIdOf(streamNamed(id)),
  authority_id: authorityA,
  stream_type: "referral",
  entity_id: id,
  version,
  type: "AmountRecorded",
  data: '{"amount":1,"note":"written around the store"}',
  recorded_at: "2027-06-01T09:00:00.000Z",
  hash: "not-chained"
})

for (const dialect of dialects) {
  describe(`${dialect.name}: the event store's failures, in words`, () => {
    it("a read-model row the database refuses fails the append as a PersistenceError that could not 'save the change', with nothing written", async () => {
      await runOn(
        dialect.fresh(),
        Effect.gen(function* () {
          const store = yield* EventStore
          const refused = yield* Effect.flip(store.append({ ...noteOn("refused-1", 0, "with a bad row"), readModels: [emptyIdRow.row(authorityA)] }))
          expect(refused).toBeInstanceOf(PersistenceError)
          expect(refused).toMatchObject({ operation: "save the change" })
          expect(refused.message).toContain("could not save the change")
          expect(yield* store.readStream(streamNamed("refused-1"))).toEqual([])
          expect(yield* store.readAll({ after: 0, limit: 10 })).toEqual([])
        })
      )
    })

    it("a unique violation on (stream, version) whose stream has not moved since stays the database's failure: a PersistenceError, not a conflict", async () => {
      await runOn(
        dialect.fresh(),
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const store = yield* EventStore
          // A trigger writes the same stream and version first, inside the append's own statement: the database refuses
          // the append's row on events_stream_version, and the rollback takes the trigger's row with it.
          yield* sql.onDialectOrElse({
            pg: () =>
              Effect.zipRight(
                sql.unsafe(`CREATE FUNCTION write_first() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                    IF NEW.entity_id = 'raced-1' AND NEW.data NOT LIKE '%written around%' THEN
                      INSERT INTO events VALUES (NEW.position + 1000, NEW.stream_id, NEW.authority_id, NEW.stream_type, NEW.entity_id,
                        NEW.version, NEW.type, '{"note":"written around the store"}', NEW.recorded_at, 'not-chained');
                    END IF;
                    RETURN NEW;
                  END $$`),
                sql.unsafe("CREATE TRIGGER write_first BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION write_first()")
              ),
            orElse: () =>
              sql.unsafe(`CREATE TRIGGER write_first BEFORE INSERT ON events WHEN NEW.entity_id = 'raced-1' AND NEW.data NOT LIKE '%written around%'
                BEGIN
                  INSERT INTO events VALUES (NEW.position + 1000, NEW.stream_id, NEW.authority_id, NEW.stream_type, NEW.entity_id,
                    NEW.version, NEW.type, '{"note":"written around the store"}', NEW.recorded_at, 'not-chained');
                END`)
          })
          const failure = yield* Effect.flip(store.append(noteOn("raced-1", 0, "refused")))
          expect(failure).toBeInstanceOf(PersistenceError)
          expect(failure).toMatchObject({ operation: "save the change" })
          expect(yield* store.readStream(streamNamed("raced-1"))).toEqual([])
        })
      )
    })

    it("reads that fail name what could not be done: 'read the event log' and 'read the record's history'", async () => {
      await runOn(
        dialect.fresh(),
        Effect.gen(function* () {
          const store = yield* EventStore
          const sql = yield* SqlClient.SqlClient
          yield* store.append(noteOn("read-1", 0, "there"))
          // A store whose events table has gone (this test's store is thrown away after).
          yield* sql`ALTER TABLE events RENAME TO events_moved_away`
          const logFailure = yield* Effect.flip(store.readAll({ after: 0, limit: 10 }))
          expect(logFailure).toBeInstanceOf(PersistenceError)
          expect(logFailure).toMatchObject({ operation: "read the event log" })
          expect(logFailure.message).toContain("could not read the event log")
          const forOneAuthority = yield* Effect.flip(store.readAll({ after: 0, limit: 10, authorityId: authorityA }))
          expect(forOneAuthority).toMatchObject({ operation: "read the event log" })
          const historyFailure = yield* Effect.flip(store.readStream(streamNamed("read-1")))
          expect(historyFailure).toBeInstanceOf(PersistenceError)
          expect(historyFailure).toMatchObject({ operation: "read the record's history" })
          expect(historyFailure.message).toContain("could not read the record's history")
        })
      )
    })
  })
}

describe("PostgreSQL: a writer that bypasses the store's append", () => {
  it("a row for the same stream and version, committed while the append waits on it, fails the append as a ConcurrencyConflict naming the moved stream", async () => {
    const url = await freshPgDatabase()
    await runOn(
      PgStoreLayer(url),
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.append(noteOn("other-1", 0, "one event, so positions have begun"))
        // Its own connection, its own transaction: it inserts version 1 of the stream without touching event_head.
        const commitRival = yield* holdOpenTransaction(url, (rivalSql) => rivalSql`INSERT INTO events ${rivalSql.insert(rawEventRow("raced-1", 1, 1000))}`)
        const append = yield* Effect.fork(Effect.either(store.append(noteOn("raced-1", 0, "the store's own"))))
        // Wait until the append's INSERT is blocked on the rival's uncommitted row (it read the head before that row was committed).
        yield* blockedOnALock
        yield* commitRival
        const result = yield* Fiber.join(append)
        expect(Either.isLeft(result)).toBe(true)
        const conflict = Either.getLeft(result).pipe((left) => (left._tag === "Some" ? left.value : undefined))
        expect(conflict).toBeInstanceOf(ConcurrencyConflict)
        expect(conflict).toMatchObject({ streamId: streamIdOf(streamNamed("raced-1")), expectedVersion: 0, actualVersion: 1 })
        expect(conflict?.message).toContain("Someone else changed this record at the same time")
        const history = yield* store.readStream(streamNamed("raced-1"))
        expect(history.map((event) => event.data)).toEqual([{ amount: 1, note: "written around the store" }])
      })
    )
  })
})

describe("SQLite: a unique violation on (stream, version) after which the stream has moved", () => {
  it("is reported as a ConcurrencyConflict naming the stream and the version it moved to", async () => {
    await runOn(
      freshSqliteLayer(),
      Effect.scoped(Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        // A trigger writes version 1 first, inside the append's own statement: SQLite refuses the append's row with
        // "UNIQUE constraint failed: events.stream_id, events.version" and the rollback takes the trigger's row too.
        yield* sql.unsafe(`CREATE TRIGGER write_first BEFORE INSERT ON events WHEN NEW.entity_id LIKE 'raced-%' AND NEW.data NOT LIKE '%written around%'
          BEGIN
            INSERT INTO events VALUES (NEW.position + 1000, NEW.stream_id, NEW.authority_id, NEW.stream_type, NEW.entity_id,
              NEW.version, NEW.type, '{"note":"written around the store"}', NEW.recorded_at, 'not-chained');
          END`)
        // Another writer, around the store, commits version 1 as soon as the failed transaction has rolled back: SQLite's
        // write lock lets nothing in between a head read and its insert, so only then can a stream move.
        let rivalWrites = { id: "raced-1", position: 1000 }
        const rivalAfterFailure: GroupCommit = (kind, work) =>
          groupCommit(kind, work).pipe(
            Effect.tapError(() => Effect.orDie(sql`INSERT INTO events ${sql.insert(rawEventRow(rivalWrites.id, 1, rivalWrites.position))}`))
          )
        const writeTransaction = yield* Effect.provideService(makeWriteTransaction, WriteLockWait, { millis: 10_000 })
        const { key } = yield* StoreIntegrity
        const groupCommit = yield* makeGroupCommit(writeTransaction, key)
        const store = yield* makeSqlEventStore(rivalAfterFailure)
        yield* store.append(noteOn("other-1", 0, "one event, so positions have begun"))
        const conflict = yield* Effect.flip(store.append(noteOn("raced-1", 0, "the store's own")))
        expect(conflict).toBeInstanceOf(ConcurrencyConflict)
        expect(conflict).toMatchObject({ streamId: streamIdOf(streamNamed("raced-1")), expectedVersion: 0, actualVersion: 1 })
        // appendAll names the first commit whose stream moved, not one that is where it was expected.
        rivalWrites = { id: "raced-2", position: 1001 }
        const inAll = yield* Effect.flip(store.appendAll([noteOn("other-1", 1, "still at 1"), noteOn("raced-2", 0, "the store's own")]))
        expect(inAll).toMatchObject({ _tag: "ConcurrencyConflict", streamId: streamIdOf(streamNamed("raced-2")), expectedVersion: 0, actualVersion: 1 })
        expect((yield* store.readStream(streamNamed("other-1"))).map((event) => event.version), "nothing of the group was written").toEqual([1])

        // Any other failure stays what it is, though the stream has moved since: the refusal is why nothing was saved.
        rivalWrites = { id: "refused-1", position: 1002 }
        const refused = yield* Effect.flip(store.append({ ...noteOn("refused-1", 0, "with a bad row"), readModels: [emptyIdRow.row(authorityA)] }))
        expect(refused).toBeInstanceOf(PersistenceError)
        expect(refused).toMatchObject({ operation: "save the change" })
      }))
    )
  })
})
