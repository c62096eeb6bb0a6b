import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore } from "@carepanel/core"
import { Effect } from "effect"

const authorityId = "bench-authority" as AuthorityId
const streams = 100

const eventData = (i: number) => ({ referralId: `ref-${i}`, kind: "ReferralSubmitted", by: "person-12", note: "x".repeat(120) })

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const start = performance.now()
    yield* effect
    return (performance.now() - start) / 1000
  })

/** Events per second through `EventStore.append`, `batch` events per commit, over 100 streams. */
export const storeAppends = (events: number, batch: number, prefix: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const versions = new Array<number>(streams).fill(0)
    const seconds = yield* timed(
      Effect.gen(function* () {
        for (let c = 0; c < events / batch; c++) {
          const s = c % streams
          const result = yield* store.append({
            stream: { authorityId, streamType: "referral", id: `${prefix}-${s}` },
            expectedVersion: versions[s]!,
            events: Array.from({ length: batch }, (_, i) => ({ type: "ReferralSubmitted", data: eventData(c * batch + i) })),
            readModels: [],
            notifications: []
          })
          versions[s] = result.version
        }
      })
    )
    return events / seconds
  })

/**
 * Commits per second when each commit changes `records` records (a decision and its request: 2) through one
 * `EventStore.appendAll`, one event and one read-model row per record, over 100 groups of streams.
 */
export const recordCommits = (commits: number, records: number, prefix: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const versions = new Array<number>(streams * records).fill(0)
    const seconds = yield* timed(
      Effect.gen(function* () {
        for (let c = 0; c < commits; c++) {
          const group = c % streams
          const slots = Array.from({ length: records }, (_, r) => group * records + r)
          const results = yield* store.appendAll(
            slots.map((slot) => ({
              stream: { authorityId, streamType: "referral", id: `${prefix}-${slot}` },
              expectedVersion: versions[slot]!,
              events: [{ type: "ReferralSubmitted", data: eventData(c) }],
              readModels: [{ collection: "bench_rows", authorityId, id: `${prefix}-${slot}`, index: { kind: "bench" }, doc: eventData(c) }],
              notifications: []
            }))
          )
          slots.forEach((slot, i) => {
            versions[slot] = results[i]!.version
          })
        }
      })
    )
    return commits / seconds
  })

/**
 * Single-event commits per second when `writers` fibres append at once (each to its own stream, `commits` in all):
 * what group commit is for. Each commit is acknowledged only once it is durable.
 */
export const concurrentAppends = (commits: number, writers: number, prefix: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const perWriter = Math.ceil(commits / writers)
    const writer = (w: number) =>
      Effect.gen(function* () {
        for (let c = 0; c < perWriter; c++) {
          yield* store.append({
            stream: { authorityId, streamType: "referral", id: `${prefix}-${w}` },
            expectedVersion: c,
            events: [{ type: "ReferralSubmitted", data: eventData(c) }],
            readModels: [],
            notifications: []
          })
        }
      })
    const seconds = yield* timed(Effect.forEach(Array.from({ length: writers }, (_, w) => w), writer, { concurrency: "unbounded", discard: true }))
    return (perWriter * writers) / seconds
  })

const bareTable = "bench_bare_events"

/**
 * The same rows as plain INSERTs into a copy of the events table (same keys, no triggers), from `writers` fibres
 * at once: the floor. One event per commit is an autocommitted INSERT, with the store's durability.
 */
export const bareInserts = (events: number, batch: number, prefix: string, writers = 1) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE TABLE IF NOT EXISTS ${bareTable} (
      position BIGINT PRIMARY KEY, stream_id TEXT NOT NULL, authority_id TEXT NOT NULL, stream_type TEXT NOT NULL,
      entity_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
      recorded_at TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, version))`)
    const [{ n }] = (yield* sql<{ n: number | string }>`SELECT COALESCE(MAX(position), 0) AS n FROM ${sql(bareTable)}`) as [
      { n: number | string }
    ]
    let position = Number(n)
    const versions = new Array<number>(streams).fill(0)
    const row = (s: number, i: number) => ({
      position: ++position,
      stream_id: `${authorityId}/referral/${prefix}-${s}`,
      authority_id: authorityId,
      stream_type: "referral",
      entity_id: `${prefix}-${s}`,
      version: ++versions[s]!,
      type: "ReferralSubmitted",
      data: JSON.stringify(eventData(i)),
      recorded_at: new Date().toISOString(),
      hash: "0".repeat(64)
    })
    const commitsPerWriter = Math.ceil(events / batch / writers)
    const writer = (w: number) =>
      Effect.gen(function* () {
        for (let k = 0; k < commitsPerWriter; k++) {
          const c = k * writers + w
          const rows = Array.from({ length: batch }, (_, i) => row(c % streams, c * batch + i))
          const insert = sql`INSERT INTO ${sql(bareTable)} ${sql.insert(rows)}`
          yield* batch === 1 ? insert : sql.withTransaction(insert)
        }
      })
    const seconds = yield* timed(Effect.forEach(Array.from({ length: writers }, (_, w) => w), writer, { concurrency: "unbounded", discard: true }))
    return (commitsPerWriter * writers * batch) / seconds
  })
