import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { type AuthorityId, AccessLog, type ChildId, EventStore, type PersonId } from "@carepanel/core"
import { Data, Effect, type Layer, ManagedRuntime } from "effect"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import {
  eventHash,
  generateSigningKeyPem,
  type IntegrityReport,
  lastCheckpoint,
  linkHead,
  linkMessage,
  PgStoreLayer,
  SqliteStoreLayer,
  StoreIntegrity,
  type StoreServices,
  signingKeyFromPem,
  trustedKeyOf,
  verifyStore
} from "../../src/index.js"
import { linkedColumns, linkedRowOf } from "../../src/chain/chainLink.js"
import { signText } from "../../src/chain/signingKey.js"
import { wholeNumberSetting } from "../../dev/wholeNumberSetting.js"
import { disableTriggers } from "../support/disableTriggers.js"
import { closePgAdmin, freshPgDatabase } from "../support/freshStores.js"

/**
 * Issue 14 item 3: random tamperings by someone who can write the database (and switch its triggers off) but does
 * not hold the signing key. Each runs in a transaction that is rolled back, so one seeded store serves every run.
 * CI runs 200 per engine (every kind about 20 times); CAREPANEL_TAMPER_RUNS raises it (docs/security.md has 1,000).
 */
const runsPerEngine = wholeNumberSetting("CAREPANEL_TAMPER_RUNS", 200)

const scratch = mkdtempSync(join(tmpdir(), "carepanel-tamper-"))
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true })
  await closePgAdmin()
})

const signingKeyPem = generateSigningKeyPem()
const trusted = [trustedKeyOf(signingKeyFromPem(signingKeyPem))]
const attackerKey = signingKeyFromPem(generateSigningKeyPem())
const authorityId = "tamper-authority" as AuthorityId
const childNames = ["Ada Fictional", "Bo Imaginary", "Cy Madeup", "Di Pretend"]

/** 12 streams, 30 commits of 1-3 events, 10 access-log records of 1-2 entries; then one witnessed checkpoint. */
const seed = Effect.gen(function* () {
  const store = yield* EventStore
  const versions = new Map<string, number>()
  for (let c = 0; c < 30; c++) {
    const id = `child-${(c * 7) % 12}`
    const size = 1 + (c % 3)
    const expectedVersion = versions.get(id) ?? 0
    yield* store.append({
      stream: { authorityId, streamType: "child-record", id },
      expectedVersion,
      events: Array.from({ length: size }, (_, i) => ({ type: "NoteRecorded", data: { child: childNames[c % 4], note: `note ${c}.${i}` } })),
      readModels: [],
      notifications: []
    })
    versions.set(id, expectedVersion + size)
  }
  const log = yield* AccessLog
  for (let r = 0; r < 10; r++) {
    yield* log.record(
      Array.from({ length: 1 + (r % 2) }, (_, i) => ({
        authorityId,
        personId: `sw-${r}` as PersonId,
        role: "social_worker" as const,
        at: `2027-06-0${1 + (r % 9)}T09:00:0${i}.000Z`,
        childId: `child-${r % 12}` as ChildId,
        fields: ["name"],
        purpose: "panel preparation"
      }))
    )
  }
  yield* (yield* StoreIntegrity).checkpoint
})

interface Baseline {
  readonly events: ReadonlyArray<{ readonly position: number; readonly streamId: string }>
  readonly links: ReadonlyArray<{ readonly log: string; readonly first: number; readonly last: number }>
  readonly accessSeqs: ReadonlyArray<number>
}

const baselineOf = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const events = yield* sql<{ position: number; stream_id: string }>`SELECT position, stream_id FROM events ORDER BY position`
  const links = yield* sql<{ log: string; first_seq: number; last_seq: number }>`SELECT log, first_seq, last_seq FROM chain_links ORDER BY log, last_seq`
  const access = yield* sql<{ seq: number }>`SELECT seq FROM access_log ORDER BY seq`
  return {
    events: events.map((row) => ({ position: Number(row.position), streamId: row.stream_id })),
    links: links.map((row) => ({ log: row.log, first: Number(row.first_seq), last: Number(row.last_seq) })),
    accessSeqs: access.map((row) => Number(row.seq))
  } satisfies Baseline
})

type Tampering =
  | { readonly kind: "edit payload" | "edit and rehash its stream" | "rewrite and re-sign with another key" | "delete an event" | "replace via upsert"; readonly at: number }
  | { readonly kind: "delete a stream"; readonly at: number }
  | { readonly kind: "swap two events"; readonly at: number; readonly other: number }
  | { readonly kind: "truncate the tail"; readonly link: number }
  | { readonly kind: "edit an access entry" | "delete an access entry"; readonly at: number }

const tamperings = (b: Baseline): fc.Arbitrary<Tampering> => {
  const eventIndex = fc.integer({ min: 0, max: b.events.length - 1 })
  const eventLinks = b.links.filter((link) => link.log === "events")
  return fc.oneof(
    ...(["edit payload", "edit and rehash its stream", "rewrite and re-sign with another key", "delete an event", "replace via upsert", "delete a stream"] as const).map(
      (kind) => eventIndex.map((i): Tampering => ({ kind, at: b.events[i]!.position }))
    ),
    fc
      .tuple(eventIndex, eventIndex)
      .filter(([i, j]) => i !== j)
      .map(([i, j]): Tampering => ({ kind: "swap two events", at: b.events[Math.min(i, j)]!.position, other: b.events[Math.max(i, j)]!.position })),
    fc.integer({ min: 1, max: eventLinks.length - 1 }).map((link): Tampering => ({ kind: "truncate the tail", link })),
    ...(["edit an access entry", "delete an access entry"] as const).map((kind) =>
      fc.constantFrom(...b.accessSeqs).map((at): Tampering => ({ kind, at }))
    )
  )
}

const forged = '{"child":"Ada Fictional","note":"a forged decision"}'

/** Recomputes the per-stream hashes of `streamId` from `fromVersion` on, as the documented formula allows. */
const rehashStream = (streamId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ position: number; version: number; type: string; data: string; recorded_at: string }>`SELECT position, version, type, data,
      recorded_at FROM events WHERE stream_id = ${streamId} ORDER BY version`
    let prev = ""
    for (const row of rows) {
      prev = eventHash(prev, { streamId, version: Number(row.version), type: row.type, data: row.data, recordedAt: row.recorded_at })
      yield* sql`UPDATE events SET hash = ${prev} WHERE position = ${row.position}`
    }
  })

/**
 * Recomputes the events links from the one holding `position` on and signs them with the attacker's own key,
 * recorded in the store as if it were genuine.
 */
const resignWithOwnKey = (position: number) => Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`INSERT INTO signing_keys ${sql.insert({ key_id: attackerKey.keyId, public_key: attackerKey.publicKeyPem, first_used_at: "2027-01-01T00:00:00.000Z" })}`
  const links = yield* sql<{ first_seq: number; last_seq: number; subject: string; head: string }>`SELECT first_seq, last_seq, subject, head
    FROM chain_links WHERE log = 'events' ORDER BY last_seq`
  let prev = ""
  for (const link of links) {
    if (Number(link.last_seq) < position) {
      prev = link.head
      continue
    }
    const rows = yield* sql.unsafe<Record<string, unknown>>(
      `SELECT ${linkedColumns.events.join(", ")} FROM events WHERE position BETWEEN ${link.first_seq} AND ${link.last_seq} ORDER BY position`
    )
    const head = linkHead(prev, "events", link.subject, Number(link.first_seq), Number(link.last_seq), rows.map((row) => linkedRowOf("events", row)))
    const signature = signText(attackerKey, linkMessage("events", Number(link.last_seq), head))
    yield* sql`UPDATE chain_links SET head = ${head}, key_id = ${attackerKey.keyId}, signature = ${signature}
      WHERE log = 'events' AND last_seq = ${link.last_seq}`
    prev = head
  }
})

const streamAt = (b: Baseline, position: number) => b.events.find((event) => event.position === position)!.streamId

const apply = (t: Tampering, b: Baseline) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    switch (t.kind) {
      case "edit payload":
        return yield* sql`UPDATE events SET data = ${forged} WHERE position = ${t.at}`
      case "edit and rehash its stream":
        yield* sql`UPDATE events SET data = ${forged} WHERE position = ${t.at}`
        return yield* rehashStream(streamAt(b, t.at))
      case "rewrite and re-sign with another key":
        yield* sql`UPDATE events SET data = ${forged} WHERE position = ${t.at}`
        yield* rehashStream(streamAt(b, t.at))
        return yield* resignWithOwnKey(t.at)
      case "delete an event":
        return yield* sql`DELETE FROM events WHERE position = ${t.at}`
      case "delete a stream":
        return yield* sql`DELETE FROM events WHERE stream_id = ${streamAt(b, t.at)}`
      case "replace via upsert":
        return yield* sql.onDialectOrElse({
          pg: () => sql`INSERT INTO events SELECT * FROM events WHERE position = ${t.at}
            ON CONFLICT (position) DO UPDATE SET data = ${forged}`,
          orElse: () => sql`INSERT OR REPLACE INTO events SELECT position, stream_id, authority_id, stream_type, entity_id, version, type,
            ${forged}, recorded_at, hash FROM events WHERE position = ${t.at}`
        })
      case "swap two events":
        yield* sql`UPDATE events SET position = -1 WHERE position = ${t.at}`
        yield* sql`UPDATE events SET position = ${t.at} WHERE position = ${t.other}`
        return yield* sql`UPDATE events SET position = ${t.other} WHERE position = -1`
      case "truncate the tail": {
        const cut = b.links.filter((link) => link.log === "events")[t.link]!.first - 1
        yield* sql`DELETE FROM events WHERE position > ${cut}`
        return yield* sql`DELETE FROM chain_links WHERE log = 'events' AND last_seq > ${cut}`
      }
      case "edit an access entry":
        return yield* sql`UPDATE access_log SET purpose = 'no reason' WHERE seq = ${t.at}`
      case "delete an access entry":
        return yield* sql`DELETE FROM access_log WHERE seq = ${t.at}`
    }
  })

/** Where verify must point: the tampered event, or the first event of the signed commit that holds it. */
const expectedAt = (t: Tampering, b: Baseline): { log: string; from: number; to: number; streams: ReadonlyArray<string | undefined> } => {
  const linkOf = (log: string, seq: number) => b.links.find((link) => link.log === log && link.first <= seq && seq <= link.last)!
  switch (t.kind) {
    case "edit payload":
    case "delete an event":
    case "replace via upsert":
      return { log: "events", from: t.at, to: t.at, streams: [streamAt(b, t.at)] }
    case "edit and rehash its stream":
    case "rewrite and re-sign with another key":
      return { log: "events", from: linkOf("events", t.at).first, to: linkOf("events", t.at).first, streams: [streamAt(b, t.at)] }
    case "delete a stream": {
      const first = b.events.find((event) => event.streamId === streamAt(b, t.at))!.position
      return { log: "events", from: first, to: first, streams: [streamAt(b, t.at)] }
    }
    case "swap two events":
      return { log: "events", from: t.at, to: t.at, streams: [streamAt(b, t.at), streamAt(b, t.other)] }
    case "truncate the tail": {
      const first = b.links.filter((link) => link.log === "events")[t.link]!.first
      return { log: "events", from: first, to: first, streams: [undefined] }
    }
    case "edit an access entry":
    case "delete an access entry":
      return { log: "access", from: linkOf("access", t.at).first, to: t.at, streams: [undefined] }
  }
}

class RolledBack extends Data.TaggedError("RolledBack")<{ readonly report: IntegrityReport }> {}

const engines: ReadonlyArray<{ readonly name: string; readonly layer: () => Promise<Layer.Layer<StoreServices, unknown>> }> = [
  { name: "SQLite", layer: async () => SqliteStoreLayer({ dataDir: mkdtempSync(join(scratch, "data-")), signingKeyPem, witnessFile: join(scratch, "sqlite-witness.jsonl") }) },
  {
    name: "PostgreSQL",
    layer: async () => PgStoreLayer(await freshPgDatabase(), { signingKeyPem, witnessFile: join(scratch, "pg-witness.jsonl") })
  }
]

for (const engine of engines) {
  describe(`${engine.name}: tamper evidence against a database writer without the key`, () => {
    it(`verify detects ${runsPerEngine} random tamperings and names the first bad event`, async () => {
      const runtime = ManagedRuntime.make(await engine.layer())
      try {
        await runtime.runPromise(seed)
        const witnessFile = join(scratch, engine.name === "SQLite" ? "sqlite-witness.jsonl" : "pg-witness.jsonl")
        const witness = await Effect.runPromise(lastCheckpoint(witnessFile))
        expect(witness?.events.position).toBe(60)
        const baseline = await runtime.runPromise(baselineOf)
        expect(await runtime.runPromise(verifyStore({ trusted, witness }))).toMatchObject({ _tag: "Intact", events: 60, commits: 30, accessEntries: 15 })

        const detected = new Map<string, number>()
        await fc.assert(
          fc.asyncProperty(tamperings(baseline), async (tampering) => {
            const report = await runtime.runPromise(
              Effect.flatMap(SqlClient.SqlClient, (sql) =>
                sql.withTransaction(
                  Effect.gen(function* () {
                    yield* disableTriggers
                    yield* apply(tampering, baseline)
                    return yield* new RolledBack({ report: yield* verifyStore({ trusted, witness }) })
                  })
                )
              ).pipe(Effect.catchTag("RolledBack", (rolledBack) => Effect.succeed(rolledBack.report)))
            )
            const expected = expectedAt(tampering, baseline)
            expect(report._tag, JSON.stringify(tampering)).toBe("Broken")
            if (report._tag !== "Broken") return
            expect(report.log, JSON.stringify({ tampering, report })).toBe(expected.log)
            expect(report.position, JSON.stringify({ tampering, report })).toBeGreaterThanOrEqual(expected.from)
            expect(report.position, JSON.stringify({ tampering, report })).toBeLessThanOrEqual(expected.to)
            expect(expected.streams, JSON.stringify({ tampering, report })).toContain(report.streamId)
            detected.set(tampering.kind, (detected.get(tampering.kind) ?? 0) + 1)
          }),
          { numRuns: runsPerEngine }
        )
        // every rollback restored the store
        expect(await runtime.runPromise(verifyStore({ trusted, witness }))).toMatchObject({ _tag: "Intact", events: 60 })
        expect([...detected.keys()].sort()).toHaveLength(10)
        console.log(`${engine.name}: ${runsPerEngine} tamperings detected`, Object.fromEntries(detected))
      } finally {
        await runtime.dispose()
      }
    })
  })
}
