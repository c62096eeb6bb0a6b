import { SqlClient } from "@effect/sql"
import { AccessLog, type AuthorityId, type ChildId, EventStore, type PersonId } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { appendSome, authorityA, streamNamed } from "../support/appendSome.js"
import { runOn } from "../support/dialects.js"
import { closePgAdmin, freshSqliteLayer, removeTempDirs } from "../support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const driverMessage = (error: { cause?: unknown }) => String((error.cause as { message?: unknown })?.message)

const readOnce = {
  authorityId: authorityA,
  personId: "sw-ada" as PersonId,
  role: "social_worker" as const,
  at: "2027-06-01T09:00:00.000Z",
  childId: "child-1" as ChildId,
  fields: ["name"],
  purpose: "panel preparation"
}

const forgedEvent = (position: number, version: number) =>
  `(${position}, 'authority-a/referral/r1', 'authority-a', 'referral', 'r1', ${version}, 'AmountRecorded',
    '{"amount":999999,"note":"forged"}', '2027-06-01T09:00:00.000Z', 'forged-hash')`

const eventColumns = "(position, stream_id, authority_id, stream_type, entity_id, version, type, data, recorded_at, hash)"

describe("SQLite: a replacing insert cannot rewrite the append-only tables", () => {
  it("refuses INSERT OR REPLACE, REPLACE INTO and upserts on events, by position or by stream version", () =>
    runOn(
      freshSqliteLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const stream = streamNamed("r1")
        yield* appendSome(stream, 2)
        const attempts = [
          `INSERT OR REPLACE INTO events ${eventColumns} VALUES ${forgedEvent(1, 1)}`,
          `REPLACE INTO events ${eventColumns} VALUES ${forgedEvent(2, 2)}`,
          // a new position but an existing (stream, version): REPLACE would delete the old row
          `INSERT OR REPLACE INTO events ${eventColumns} VALUES ${forgedEvent(50, 1)}`,
          `INSERT INTO events ${eventColumns} VALUES ${forgedEvent(1, 1)} ON CONFLICT (position) DO UPDATE SET data = excluded.data`
        ]
        for (const attempt of attempts) {
          const error = yield* Effect.flip(sql.unsafe(attempt))
          expect(driverMessage(error)).toMatch(/events are append-only/)
        }
        const events = yield* (yield* EventStore).readStream(stream)
        expect(events.map((e) => [e.version, (e.data as { amount: number }).amount])).toEqual([
          [1, 100],
          [2, 101]
        ])
        const positions = yield* sql<{ position: number }>`SELECT position FROM events ORDER BY position`
        expect(positions.map((row) => row.position)).toEqual([1, 2])
      })
    ))

  it("refuses INSERT OR REPLACE and upserts on the access log", () =>
    runOn(
      freshSqliteLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const log = yield* AccessLog
        yield* log.record([readOnce])
        const forged = `(1, 'authority-a', 'sw-nobody', 'social_worker', '2027-06-01T09:00:00.000Z', 'child-1', '[]', 'forged')`
        const columns = "(seq, authority_id, person_id, role, at, child_id, fields, purpose)"
        for (const attempt of [
          `INSERT OR REPLACE INTO access_log ${columns} VALUES ${forged}`,
          `REPLACE INTO access_log ${columns} VALUES ${forged}`,
          `INSERT INTO access_log ${columns} VALUES ${forged} ON CONFLICT (seq) DO UPDATE SET purpose = excluded.purpose`
        ]) {
          const error = yield* Effect.flip(sql.unsafe(attempt))
          expect(driverMessage(error)).toMatch(/access log is append-only/)
        }
        const entries = yield* log.forChild("authority-a" as AuthorityId, "child-1" as ChildId)
        expect(entries.map((entry) => [entry.personId, entry.purpose])).toEqual([["sw-ada", "panel preparation"]])
      })
    ))

  it("still reports a second writer of the same stream version as a concurrency conflict", () =>
    runOn(
      freshSqliteLayer(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* appendSome(streamNamed("r1"), 1)
        // a writer that bypasses event_head: the database still refuses the duplicate version
        const error = yield* Effect.flip(sql.unsafe(`INSERT INTO events ${eventColumns} VALUES ${forgedEvent(7, 1)}`))
        expect(driverMessage(error)).toMatch(/events\.stream_id, events\.version/)
        const rows = yield* sql<{ n: number }>`SELECT count(*) AS n FROM events`
        expect(rows[0]?.n).toBe(1)
      })
    ))
})
