import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { AccessLog, type AuthorityId, type ChildId, EventStore, type PersonId, type StreamRef } from "@carepanel/core"
import { Data, Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Checkpoint,
  checkpointMessage,
  eventHash,
  generateSigningKeyPem,
  type IntegrityReport,
  lastCheckpoint,
  SqliteStoreLayer,
  StoreIntegrity,
  signingKeyFromPem,
  signText,
  trustedKeyOf,
  verifyStore
} from "../src/index.js"
import { disableTriggers } from "./support/disableTriggers.js"

/**
 * What `carepanel-store verify` tells an operator (docs/integrity.md): for each kind of change made behind the store's
 * back, the log, the position, the stream and the reason in words. The random tamperings of
 * security/tamperDetection.test.ts check the position and stream; this checks each reason once, on SQLite (the walk is
 * the same on both engines), each change rolled back after its verify.
 */
const scratch = mkdtempSync(join(tmpdir(), "carepanel-verify-reasons-"))
const witnessFile = join(scratch, "witness", "checkpoints.jsonl")
const keyPem = generateSigningKeyPem()
const key = signingKeyFromPem(keyPem)
const trusted = [trustedKeyOf(key)]
const authorityId = "authority-fictional" as AuthorityId
const ada: StreamRef = { authorityId, streamType: "child-record", id: "ada" }
const bo: StreamRef = { authorityId, streamType: "child-record", id: "bo" }
const adaId = "authority-fictional/child-record/ada"
const boId = "authority-fictional/child-record/bo"

const runtime = ManagedRuntime.make(SqliteStoreLayer({ dataDir: join(scratch, "data"), signingKeyPem: keyPem, witnessFile, witnessIntervalSeconds: 10 * 365 * 86_400 }))
let witness: Checkpoint

/**
 * Events: Ada's versions 1-2 (positions 1-2, one commit), Bo's 1 (3), Ada's 3 (4), Bo's 2-3 (5-6). Access log: two
 * entries in one record (seqs 1-2), then one (3). Then one checkpoint in the witness file.
 */
beforeAll(async () => {
  await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* EventStore
      const commit = (stream: StreamRef, expectedVersion: number, notes: ReadonlyArray<string>) =>
        store.append({ stream, expectedVersion, events: notes.map((note) => ({ type: "NoteRecorded", data: { note } })), readModels: [], notifications: [] })
      yield* commit(ada, 0, ["first visit", "school contacted"])
      yield* commit(bo, 0, ["first visit"])
      yield* commit(ada, 2, ["panel booked"])
      yield* commit(bo, 1, ["placement found", "panel booked"])
      const entry = (personId: string) => ({
        authorityId,
        personId: personId as PersonId,
        role: "social_worker" as const,
        at: "2027-03-01T09:00:00.000Z",
        childId: "ada" as ChildId,
        fields: ["name"],
        purpose: "panel preparation"
      })
      yield* (yield* AccessLog).record([entry("sw-ann"), entry("sw-bea")])
      yield* (yield* AccessLog).record([entry("sw-cal")])
      yield* (yield* StoreIntegrity).checkpoint
    })
  )
  witness = (await Effect.runPromise(lastCheckpoint(witnessFile)))!
})

afterAll(async () => {
  await runtime.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

class RolledBack extends Data.TaggedError("RolledBack")<{ readonly report: IntegrityReport }> {}

/** Verifies the store after `change` (made with the triggers off), then rolls the change back. */
const verifyAfter = (change: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, SqlError>, options: { readonly witness?: Checkpoint } = { witness }) =>
  runtime.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql.withTransaction(
        Effect.gen(function* () {
          yield* disableTriggers
          yield* change(sql)
          return yield* new RolledBack({ report: yield* verifyStore({ trusted, ...options }) })
        })
      )
    ).pipe(Effect.catchTag("RolledBack", (rolledBack) => Effect.succeed(rolledBack.report)))
  )

const broken = (log: string, position: number, streamId: string | undefined, reason: string) => ({ _tag: "Broken", log, position, streamId, reason })

/** A checkpoint as the store's key would sign it, with some of its fields changed. */
const resigned = (changes: Partial<Omit<Checkpoint, "signature">>): Checkpoint => {
  const { signature: _, ...unsigned } = { ...witness, ...changes }
  return { ...unsigned, signature: signText(key, checkpointMessage(unsigned)) }
}

describe("verify on an untouched store", () => {
  it("counts the events, streams, signed commits and access-log entries, names the key and the store, and matches the witness", async () => {
    expect(witness).toMatchObject({ v: 2, events: { position: 6 }, access: { seq: 3 }, keyId: key.keyId })
    expect(await verifyAfter(() => Effect.void)).toEqual({
      _tag: "Intact",
      events: 6,
      streams: 2,
      commits: 4,
      accessEntries: 3,
      keyIds: [key.keyId],
      storeId: witness.storeId,
      witnessed: witness
    })
  })

  it("accepts a checkpoint written before stores had an id (version 1), signed by the store's key", async () => {
    const { storeId: _, ...older } = witness
    const v1 = { ...older, v: 1 as const }
    const signed = { ...v1, signature: signText(key, checkpointMessage(v1)) }
    expect(await verifyAfter(() => Effect.void, { witness: signed })).toMatchObject({ _tag: "Intact", witnessed: signed })
  })
})

describe("verify names the first thing wrong, with its position, stream and reason", () => {
  it("an event's content changed", async () => {
    expect(await verifyAfter((sql) => sql`UPDATE events SET data = '{"note":"no concerns"}' WHERE position = 2`)).toEqual(
      broken("events", 2, adaId, "its content does not match its hash")
    )
  })

  it("the last event of a commit deleted", async () => {
    expect(await verifyAfter((sql) => sql`DELETE FROM events WHERE position = 2`)).toEqual(broken("events", 2, adaId, "position 2 is missing"))
  })

  it("the first event of a commit deleted", async () => {
    expect(await verifyAfter((sql) => sql`DELETE FROM events WHERE position = 5`)).toEqual(broken("events", 5, boId, "position 5 is missing"))
  })

  it("the only event of a commit deleted", async () => {
    expect(await verifyAfter((sql) => sql`DELETE FROM events WHERE position = 3`)).toEqual(broken("events", 3, boId, "position 3 is missing"))
  })

  it("an event deleted with its signed commit: no stream named (the next commit's is another child's)", async () => {
    const report = await verifyAfter((sql) => Effect.zipRight(sql`DELETE FROM events WHERE position = 3`, sql`DELETE FROM chain_links WHERE log = 'events' AND last_seq = 3`))
    expect(report).toEqual(broken("events", 3, undefined, "no signed commit covers position 3: events or their links were removed"))
  })

  it("an event moved to another child's stream", async () => {
    const cyId = "authority-fictional/child-record/cy"
    expect(await verifyAfter((sql) => sql`UPDATE events SET stream_id = ${cyId} WHERE position = 4`)).toEqual(
      broken("events", 4, cyId, `its commit was signed for stream ${adaId}`)
    )
  })

  it("an event's version changed and its hash made to match", async () => {
    const report = await verifyAfter((sql) =>
      Effect.gen(function* () {
        const [row] = yield* sql<{ type: string; data: string; recorded_at: string }>`SELECT type, data, recorded_at FROM events WHERE position = 4`
        const [before] = yield* sql<{ hash: string }>`SELECT hash FROM events WHERE position = 2`
        const hash = eventHash(before!.hash, { streamId: adaId, version: 4, type: row!.type, data: row!.data, recordedAt: row!.recorded_at })
        yield* sql`UPDATE events SET version = 4, hash = ${hash} WHERE position = 4`
      })
    )
    expect(report).toEqual(broken("events", 4, adaId, "version 4 of its stream follows version 2: an event is missing or moved"))
  })

  it("an event added without a signed commit", async () => {
    const report = await verifyAfter((sql) =>
      sql`INSERT INTO events (position, stream_id, authority_id, stream_type, entity_id, version, type, data, recorded_at, hash)
        SELECT 7, stream_id, authority_id, stream_type, entity_id, 4, type, data, recorded_at, hash FROM events WHERE position = 6`
    )
    expect(report).toEqual(broken("events", 7, boId, "it is not covered by any signed commit"))
  })

  it("a signed commit's head changed", async () => {
    expect(await verifyAfter((sql) => sql`UPDATE chain_links SET head = ${"0".repeat(64)} WHERE log = 'events' AND last_seq = 3`)).toEqual(
      broken("events", 3, boId, "the commit differs from what was signed (or a commit before it was removed)")
    )
  })

  it("a commit that names a key neither trusted nor recorded", async () => {
    const stranger = "ed25519:0000000000000000"
    expect(await verifyAfter((sql) => sql`UPDATE chain_links SET key_id = ${stranger} WHERE log = 'events' AND last_seq = 4`)).toEqual(
      broken("events", 4, adaId, `its commit was signed with key ${stranger}, neither trusted nor recorded in the store`)
    )
  })

  it("a commit carrying another commit's signature", async () => {
    const report = await verifyAfter((sql) =>
      sql`UPDATE chain_links SET signature = (SELECT signature FROM chain_links WHERE log = 'events' AND last_seq = 2) WHERE log = 'events' AND last_seq = 6`
    )
    expect(report).toEqual(broken("events", 5, boId, `the signature of its commit does not verify with key ${key.keyId}`))
  })

  it("an access-log entry changed: the commit that holds it, by its first seq, with no stream", async () => {
    expect(await verifyAfter((sql) => sql`UPDATE access_log SET purpose = 'curiosity' WHERE seq = 2`)).toEqual(
      broken("access", 1, undefined, "the commit differs from what was signed (or a commit before it was removed)")
    )
  })

  it("the only entry of an access-log commit deleted", async () => {
    expect(await verifyAfter((sql) => sql`DELETE FROM access_log WHERE seq = 3`, {})).toEqual(
      broken("access", 3, undefined, "the entries of the commit ending at 3 are missing")
    )
  })

  it("an access-log entry added without a signed commit", async () => {
    const report = await verifyAfter((sql) =>
      sql`INSERT INTO access_log (authority_id, person_id, role, at, child_id, fields, purpose)
        SELECT authority_id, 'sw-dee', role, at, child_id, fields, purpose FROM access_log WHERE seq = 3`
    )
    expect(report).toEqual(broken("access", 4, undefined, "it is not covered by any signed commit"))
  })
})

describe("verify against the witness's last checkpoint", () => {
  it("finds the events' tail removed with its signed commits", async () => {
    const report = await verifyAfter((sql) => Effect.zipRight(sql`DELETE FROM events WHERE position > 4`, sql`DELETE FROM chain_links WHERE log = 'events' AND last_seq > 4`))
    expect(report).toEqual(broken("events", 5, undefined, `the witness saw events up to 6 at ${witness.at}; the store ends at 4: its tail was removed`))
  })

  it("finds the access log's tail removed with its signed commit", async () => {
    const report = await verifyAfter((sql) => Effect.zipRight(sql`DELETE FROM access_log WHERE seq = 3`, sql`DELETE FROM chain_links WHERE log = 'access' AND last_seq = 3`))
    expect(report).toEqual(broken("access", 3, undefined, `the witness saw access up to 3 at ${witness.at}; the store ends at 2: its tail was removed`))
  })

  it("finds a chain that differs from what the witness saw", async () => {
    const rewritten = resigned({ events: { position: 6, head: "f".repeat(64) } })
    expect(await verifyAfter(() => Effect.void, { witness: rewritten })).toEqual(
      broken("events", 6, undefined, `the chain up to 6 differs from what the witness saw at ${witness.at}: it was rewritten`)
    )
    const accessRewritten = resigned({ access: { seq: 2, head: "f".repeat(64) } })
    expect(await verifyAfter(() => Effect.void, { witness: accessRewritten })).toEqual(
      broken("access", 2, undefined, `the chain up to 2 differs from what the witness saw at ${witness.at}: it was rewritten`)
    )
  })

  it("refuses a checkpoint of another store, and one not signed by a trusted key", async () => {
    const other = resigned({ storeId: "another-store" })
    expect(await verifyAfter(() => Effect.void, { witness: other })).toEqual(
      broken(
        "witness",
        0,
        undefined,
        `the witness's last checkpoint (${witness.at}) is of store another-store, not of this store (${witness.storeId}): it belongs to another store`
      )
    )
    const forged = { ...witness, events: { ...witness.events, position: 5 } }
    expect(await verifyAfter(() => Effect.void, { witness: forged })).toEqual(
      broken("witness", 0, undefined, `the witness's last checkpoint (${witness.at}) is not signed by a trusted key`)
    )
    const byStranger = { ...witness, keyId: "ed25519:0000000000000000" }
    expect(await verifyAfter(() => Effect.void, { witness: byStranger })).toEqual(
      broken("witness", 0, undefined, `the witness's last checkpoint (${witness.at}) is not signed by a trusted key`)
    )
  })
})
