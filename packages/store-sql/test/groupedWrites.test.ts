import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore } from "@carepanel/core"
import { Context, Data, Effect, Exit } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { GroupedWrites, type GroupCommitOptions, Inbox, makeWriteTransaction, PgStoreLayer, SqliteStoreLayer } from "../src/index.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const authorityId = "grouped-authority" as AuthorityId
const units = 10

class Refused extends Data.TaggedError("Refused")<{ readonly unit: number }> {}

/** Which delivery a unit belongs to: a service its own caller provides. */
class CallerDelivery extends Context.Tag("test/CallerDelivery")<CallerDelivery, string>() {}

/** What a receiver's delivery writes: its inbox claim, then an event on its own stream; `fails` then refuses it. */
const unit = (i: number, fails: boolean) =>
  Effect.gen(function* () {
    const delivery = yield* CallerDelivery
    yield* (yield* Inbox).markProcessed(authorityId, delivery)
    yield* (yield* EventStore).append({
      stream: { authorityId, streamType: "child-record", id: `child-${i}` },
      expectedVersion: 0,
      events: [{ type: "NoteRecorded", data: { note: `from ${delivery}` } }],
      readModels: [],
      notifications: []
    })
    if (fails) return yield* new Refused({ unit: i })
    return delivery
  })

/** `units` units sent at the same moment, each by its own caller (its own `CallerDelivery`); the `failing` one refused. */
const sendTogether = (failing: number) =>
  Effect.gen(function* () {
    const { transaction } = yield* GroupedWrites
    return yield* Effect.all(
      Array.from({ length: units }, (_, i) => Effect.exit(transaction(unit(i, i === failing)).pipe(Effect.provideService(CallerDelivery, `msg_${i}`)))),
      { concurrency: "unbounded" }
    )
  })

const written = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const claims = yield* sql<{ message_id: string }>`SELECT message_id FROM inbox ORDER BY message_id`
  const streams = yield* sql<{ entity_id: string }>`SELECT entity_id FROM events ORDER BY entity_id`
  return { claims: claims.map((row) => row.message_id), streams: streams.map((row) => row.entity_id) }
})

const expected = (but: number) => {
  const kept = Array.from({ length: units }, (_, i) => i).filter((i) => i !== but)
  return { claims: kept.map((i) => `msg_${i}`).sort(), streams: kept.map((i) => `child-${i}`).sort() }
}

const sqlite = (options: GroupCommitOptions) => SqliteStoreLayer({ dataDir: freshDataDir(), ...options })

describe("SQLite: grouped writes (a receiver's deliveries sharing one commit)", () => {
  it("units sent together share a group and its one sync; a refused unit is rolled back alone and its caller gets its own refusal", async () => {
    const groups: Array<number> = []
    await runOn(
      sqlite({ onGroup: (size) => groups.push(size) }),
      Effect.gen(function* () {
        const exits = yield* sendTogether(3)
        expect(Math.max(...groups), "units shared a group").toBeGreaterThan(1)
        expect(exits.map((exit) => (Exit.isSuccess(exit) ? exit.value : "refused"))).toEqual(
          Array.from({ length: units }, (_, i) => (i === 3 ? "refused" : `msg_${i}`))
        )
        expect(exits[3]).toEqual(Exit.fail(new Refused({ unit: 3 })))
        expect(yield* written).toEqual(expected(3))
      })
    )
  })

  it("each unit runs with its own caller's services, not those of the unit that leads its group", () =>
    runOn(
      sqlite({}),
      Effect.gen(function* () {
        const exits = yield* sendTogether(-1)
        // Every unit answered with its own caller's delivery id, and claimed that one: none took the leader's.
        expect(exits).toEqual(Array.from({ length: units }, (_, i) => Exit.succeed(`msg_${i}`)))
        expect(yield* written).toEqual(expected(-1))
      })
    ))

  it("inside an open write transaction a unit is part of it: rolled back with it", () =>
    runOn(
      sqlite({}),
      Effect.gen(function* () {
        const { transaction } = yield* GroupedWrites
        const writeTransaction = yield* makeWriteTransaction
        const outer = writeTransaction(Effect.zipRight(transaction(unit(0, false)), Effect.fail("outer refused" as const)))
        expect(yield* Effect.exit(outer.pipe(Effect.provideService(CallerDelivery, "msg_0")))).toEqual(Exit.fail("outer refused"))
        expect(yield* written).toEqual({ claims: [], streams: [] })
      })
    ))
})

describe("PostgreSQL: grouped writes", () => {
  it("each unit keeps its own transaction (two processes' groups could deadlock on their row locks); a refusal still rolls back only its own", async () => {
    const groups: Array<number> = []
    await runOn(
      PgStoreLayer(await freshPgDatabase(), { onGroup: (size) => groups.push(size) }),
      Effect.gen(function* () {
        const exits = yield* sendTogether(5)
        expect(Math.max(...groups), "no unit joined another's commit").toBe(1)
        expect(exits.filter(Exit.isFailure)).toEqual([Exit.fail(new Refused({ unit: 5 }))])
        expect(yield* written).toEqual(expected(5))
      })
    )
  })
})
