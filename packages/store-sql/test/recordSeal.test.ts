import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { type AuthorityId, type ChildId, EventStore, RecordSeals, type StreamRef } from "@carepanel/core"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { generateSigningKeyPem, lastCheckpoint, SqliteStoreLayer, sealMessage, signingKeyFromPem, trustedKeyOf, verifyText } from "../src/index.js"

/**
 * A court bundle's seal (docs/documents.md, "What the manifest carries"): the checkpoint taken for the bundle, the
 * signed commit of each of the child's events with the head before it, and the child's records at the checkpoint,
 * signed. Checked here against the store's own `chain_links`, on SQLite (the queries are the same on both engines).
 */
const scratch = mkdtempSync(join(tmpdir(), "carepanel-seal-"))
const witnessFile = join(scratch, "witness", "checkpoints.jsonl")
const keyPem = generateSigningKeyPem()
const key = signingKeyFromPem(keyPem)
const runtime = ManagedRuntime.make(SqliteStoreLayer({ dataDir: join(scratch, "data"), signingKeyPem: keyPem, witnessFile, witnessIntervalSeconds: 10 * 365 * 86_400 }))

afterAll(async () => {
  await runtime.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

const authorityId = "authority-fictional" as AuthorityId
const adaRecord: StreamRef = { authorityId, streamType: "child-record", id: "ada" }
const adaReferral: StreamRef = { authorityId, streamType: "referral", id: "ada-r1" }
const boRecord: StreamRef = { authorityId, streamType: "child-record", id: "bo" }

describe("sealing a child's records for a court bundle", () => {
  it("lists the child's signed commits in order with the head before each, and her records' last versions and hashes, signed", async () => {
    const { seal, links, events } = await runtime.runPromise(
      Effect.gen(function* () {
        const store = yield* EventStore
        const commit = (stream: StreamRef, expectedVersion: number, notes: ReadonlyArray<string>) =>
          store.append({ stream, expectedVersion, events: notes.map((note) => ({ type: "NoteRecorded", data: { note } })), readModels: [], notifications: [] })
        yield* commit(adaRecord, 0, ["first visit", "school contacted"]) // positions 1-2
        yield* commit(boRecord, 0, ["first visit"]) // 3
        yield* commit(adaReferral, 0, ["referred to panel"]) // 4
        yield* commit(boRecord, 1, ["placement found"]) // 5
        yield* commit(adaRecord, 2, ["panel booked"]) // 6
        const seal = yield* (yield* RecordSeals).seal(authorityId, "ada" as ChildId, [adaReferral, adaRecord, adaRecord])
        const sql = yield* SqlClient.SqlClient
        const links = yield* sql<{ last_seq: number; head: string; signature: string }>`SELECT last_seq, head, signature FROM chain_links WHERE log = 'events' ORDER BY last_seq`
        const events = yield* sql<{ position: number; hash: string }>`SELECT position, hash FROM events ORDER BY position`
        return { seal, links, events }
      })
    )
    const headAt = (lastSeq: number) => links.find((link) => Number(link.last_seq) === lastSeq)!
    const hashAt = (position: number) => events.find((event) => Number(event.position) === position)!.hash

    // the checkpoint taken for the bundle is the witness's last line
    expect(seal.checkpoint).toEqual(await Effect.runPromise(lastCheckpoint(witnessFile)))
    expect(seal.checkpoint).toMatchObject({ events: { position: 6, head: headAt(6).head }, keyId: key.keyId })
    expect(seal.storeId).toBe(seal.checkpoint.storeId)
    expect(seal.storeId).toMatch(/^store_/)
    expect(seal.keyId).toBe(key.keyId)

    // Ada's commits only, in position order; each with the head of the commit just before it (Bo's, for 4 and 6)
    expect(seal.commits).toEqual([
      { firstPosition: 1, lastPosition: 2, streamId: "authority-fictional/child-record/ada", previousHead: "", head: headAt(2).head, keyId: key.keyId, signature: headAt(2).signature },
      { firstPosition: 4, lastPosition: 4, streamId: "authority-fictional/referral/ada-r1", previousHead: headAt(3).head, head: headAt(4).head, keyId: key.keyId, signature: headAt(4).signature },
      { firstPosition: 6, lastPosition: 6, streamId: "authority-fictional/child-record/ada", previousHead: headAt(5).head, head: headAt(6).head, keyId: key.keyId, signature: headAt(6).signature }
    ])

    // each of her records once, at its last version
    expect([...seal.records].sort((a, b) => a.streamId.localeCompare(b.streamId))).toEqual([
      { streamId: "authority-fictional/child-record/ada", version: 3, hash: hashAt(6) },
      { streamId: "authority-fictional/referral/ada-r1", version: 1, hash: hashAt(4) }
    ])

    // the list is signed, naming the store, the authority, the child and the checkpoint
    const statement = { storeId: seal.storeId, authorityId, childId: "ada", checkpoint: { position: 6, head: headAt(6).head }, records: seal.records }
    const { publicKey } = trustedKeyOf(key)
    expect(verifyText(publicKey, sealMessage(statement), seal.signature)).toBe(true)
    expect(verifyText(publicKey, sealMessage({ ...statement, childId: "bo" }), seal.signature)).toBe(false)
  })

  it("signs a list whose text names each record by stream, version and hash, sorted by stream, whatever the order given", () => {
    const statement = {
      storeId: "store_fictional",
      authorityId: "authority-fictional",
      childId: "ada",
      checkpoint: { position: 6, head: "h6" },
      records: [
        { streamId: "authority-fictional/referral/ada-r1", version: 1, hash: "h4" },
        { streamId: "authority-fictional/child-record/ada", version: 3, hash: "h6" },
        { streamId: "authority-fictional/child-record/ada-2", version: 2, hash: "h7" }
      ]
    }
    const text = [
      "carepanel-record-seal-v1",
      "store_fictional",
      "authority-fictional",
      "ada",
      "6",
      "h6",
      "authority-fictional/child-record/ada 3 h6",
      "authority-fictional/child-record/ada-2 2 h7",
      "authority-fictional/referral/ada-r1 1 h4"
    ].join("\n")
    expect(sealMessage(statement)).toBe(text)
    expect(sealMessage({ ...statement, records: [...statement.records].reverse() })).toBe(text)
  })
})
