import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect } from "effect"
import { type ChainLog, chainGenesis, linkedColumns, linkedRowOf, linkHead, linkMessage } from "./chainLink.js"
import { eventHash, genesisHash } from "./eventHash.js"
import type { TrustedKey } from "./signingKey.js"
import { verifyText } from "./signingKey.js"
import { readStoreId } from "./storeId.js"
import { type Checkpoint, checkpointMessage } from "./witness.js"

/** The first thing found wrong, in log order: `position` is the event's position (or the access-log seq). */
export interface Tampered {
  readonly _tag: "Broken"
  readonly log: ChainLog | "witness"
  readonly position: number
  /** The stream of the bad event, when the store still says which. */
  readonly streamId: string | undefined
  readonly reason: string
}

export interface Intact {
  readonly _tag: "Intact"
  readonly events: number
  readonly streams: number
  readonly commits: number
  readonly accessEntries: number
  /** The ids of the keys that signed, in the order first used. */
  readonly keyIds: ReadonlyArray<string>
  /** The store's id (migration 0011); undefined for an older schema. */
  readonly storeId: string | undefined
  /** The witness's last checkpoint, when one was given: the store matches it. */
  readonly witnessed: Checkpoint | undefined
}

export type IntegrityReport = Intact | Tampered

export interface VerifyStoreOptions {
  /** The public keys whose signatures count (kept outside the database: the signing key's, retired ones'). */
  readonly trusted: ReadonlyArray<TrustedKey>
  /** The witness's last checkpoint; without it a truncated tail goes unnoticed. */
  readonly witness?: Checkpoint | undefined
}

const tableOf: Record<ChainLog, string> = { events: "events", access: "access_log" }
const pageSize = 500

interface LinkRow {
  readonly last_seq: number | string
  readonly first_seq: number | string
  readonly subject: string
  readonly head: string
  readonly key_id: string
  readonly signature: string
}

class Found {
  constructor(readonly report: Tampered) {}
}

const broken = (log: Tampered["log"], position: number, streamId: string | undefined, reason: string) =>
  new Found({ _tag: "Broken", log, position, streamId, reason })

/**
 * Walks one log in order, link by link: every row is covered by exactly one link, events keep their stream's
 * version and hash, each link's head is recomputed from the rows and the link before it, and its signature is
 * checked against a trusted key. Returns the log's counts and the head at `witnessSeq`.
 */
const walkLog = (log: ChainLog, trusted: ReadonlyMap<string, TrustedKey>, recordedKeys: ReadonlySet<string>, witnessSeq: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const seqColumn = linkedColumns[log][0]!
    const streams = new Map<string, { version: number; hash: string }>()
    const keyIds: Array<string> = []
    let prevHead = chainGenesis
    let lastSeq = 0
    let rowsSeen = 0
    let commits = 0
    let headAtWitness: string | undefined
    const rowsBetween = (from: number, to: number) =>
      sql.unsafe<Record<string, unknown>>(
        `SELECT ${linkedColumns[log].join(", ")} FROM ${tableOf[log]} WHERE ${seqColumn} > ${from} AND ${seqColumn} <= ${to} ORDER BY ${seqColumn}`
      )
    const checkEvent = (row: Record<string, unknown>, position: number) => {
      const streamId = String(row.stream_id)
      const version = Number(row.version)
      const known = streams.get(streamId) ?? { version: 0, hash: genesisHash }
      if (version !== known.version + 1) {
        throw broken(log, position, streamId, `version ${version} of its stream follows version ${known.version}: an event is missing or moved`)
      }
      const fields = { streamId, version, type: String(row.type), data: String(row.data), recordedAt: String(row.recorded_at) }
      if (eventHash(known.hash, fields) !== row.hash) throw broken(log, position, streamId, "its content does not match its hash")
      streams.set(streamId, { version, hash: String(row.hash) })
    }
    while (true) {
      const links = yield* sql<LinkRow>`SELECT last_seq, first_seq, subject, head, key_id, signature FROM chain_links
        WHERE log = ${log} AND last_seq > ${lastSeq} ORDER BY last_seq LIMIT ${pageSize}`
      const pageEnd = links.length === 0 ? Number.MAX_SAFE_INTEGER : Number(links[links.length - 1]!.last_seq)
      const rows = yield* rowsBetween(lastSeq, pageEnd)
      let r = 0
      for (const link of links) {
        const first = Number(link.first_seq)
        const last = Number(link.last_seq)
        const subject = link.subject === "" ? undefined : link.subject
        // events are gapless, so each link starts right after the one before; access-log seqs may skip (PostgreSQL).
        // Which stream the missing position was in is gone with its link: the next commit's stream is not named.
        if (log === "events" && first !== lastSeq + 1) {
          throw broken(log, lastSeq + 1, undefined, `no signed commit covers position ${lastSeq + 1}: events or their links were removed`)
        }
        const covered = []
        for (; r < rows.length && Number(rows[r]![seqColumn]) <= last; r++) {
          const row = rows[r]!
          const seq = Number(row[seqColumn])
          if (seq < first) throw broken(log, seq, row.stream_id as string | undefined, "it is not covered by any signed commit")
          if (log === "events") {
            const expected = first + covered.length
            if (seq !== expected) throw broken(log, expected, subject, `position ${expected} is missing`)
            if (row.stream_id !== link.subject) throw broken(log, seq, String(row.stream_id), `its commit was signed for stream ${link.subject}`)
            checkEvent(row, seq)
          }
          covered.push(linkedRowOf(log, row))
        }
        if (log === "events" && covered.length !== last - first + 1) {
          throw broken(log, first + covered.length, subject, `position ${first + covered.length} is missing`)
        }
        if (covered.length === 0) throw broken(log, first, subject, `the entries of the commit ending at ${last} are missing`)
        const head = linkHead(prevHead, log, link.subject, first, last, covered)
        if (head !== link.head) throw broken(log, first, subject, "the commit differs from what was signed (or a commit before it was removed)")
        const key = trusted.get(link.key_id)
        if (key === undefined) {
          const where = recordedKeys.has(link.key_id) ? "recorded in the store but not trusted" : "neither trusted nor recorded in the store"
          throw broken(log, first, subject, `its commit was signed with key ${link.key_id}, ${where}`)
        }
        if (!verifyText(key.publicKey, linkMessage(log, last, head), link.signature)) {
          throw broken(log, first, subject, `the signature of its commit does not verify with key ${link.key_id}`)
        }
        if (!keyIds.includes(link.key_id)) keyIds.push(link.key_id)
        if (last === witnessSeq) headAtWitness = head
        prevHead = head
        lastSeq = last
        rowsSeen += covered.length
        commits += 1
      }
      if (r < rows.length) {
        const row = rows[r]!
        throw broken(log, Number(row[seqColumn]), row.stream_id as string | undefined, "it is not covered by any signed commit")
      }
      if (links.length < pageSize) {
        // Rows after the last link (added behind the store's back) are read by one more pass with no links left, which
        // reports the first as not covered; a commit that lands meanwhile brings its link and is walked in that pass.
        const after = yield* sql.unsafe(`SELECT 1 AS found FROM ${tableOf[log]} WHERE ${seqColumn} > ${lastSeq} LIMIT 1`)
        if (after.length === 0) break
      }
    }
    return { lastSeq, rows: rowsSeen, commits, streams: streams.size, keyIds, headAtWitness }
  })

const checkWitnessed = (log: ChainLog, walked: { lastSeq: number; headAtWitness: string | undefined }, seen: { seq: number; head: string }, at: string) => {
  if (seen.seq === 0) return
  if (walked.lastSeq < seen.seq) {
    throw broken(log, walked.lastSeq + 1, undefined, `the witness saw ${log} up to ${seen.seq} at ${at}; the store ends at ${walked.lastSeq}: its tail was removed`)
  }
  if (walked.headAtWitness !== seen.head) {
    throw broken(log, seen.seq, undefined, `the chain up to ${seen.seq} differs from what the witness saw at ${at}: it was rewritten`)
  }
}

/**
 * Checks both store-wide chains (events, then the access log), the per-stream hashes, every signature, and the
 * witness's last checkpoint, and reports the first thing that does not hold (docs/integrity.md).
 */
export const verifyStore = (options: VerifyStoreOptions): Effect.Effect<IntegrityReport, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const trusted = new Map(options.trusted.map((key) => [key.keyId, key]))
    const recorded = new Set((yield* sql<{ key_id: string }>`SELECT key_id FROM signing_keys`).map((row) => row.key_id))
    const storeId = yield* readStoreId
    const witness = options.witness
    if (witness !== undefined) {
        if (witness.v === 2 && witness.storeId !== storeId) {
          throw broken("witness", 0, undefined, `the witness's last checkpoint (${witness.at}) is of store ${witness.storeId}, not of this store (${storeId ?? "no store id"}): it belongs to another store`)
        }
        const key = trusted.get(witness.keyId)
        if (key === undefined || !verifyText(key.publicKey, checkpointMessage(witness), witness.signature)) {
          throw broken("witness", 0, undefined, `the witness's last checkpoint (${witness.at}) is not signed by a trusted key`)
        }
      }
      const events = yield* walkLog("events", trusted, recorded, witness?.events.position ?? -1)
      const access = yield* walkLog("access", trusted, recorded, witness?.access.seq ?? -1)
      if (witness !== undefined) {
        checkWitnessed("events", events, { seq: witness.events.position, head: witness.events.head }, witness.at)
        checkWitnessed("access", access, witness.access, witness.at)
      }
      return {
        _tag: "Intact",
        events: events.rows,
        streams: events.streams,
        commits: events.commits,
        accessEntries: access.rows,
        keyIds: [...new Set([...events.keyIds, ...access.keyIds])],
        storeId,
        witnessed: witness
      } satisfies Intact as IntegrityReport
  }).pipe(
    // The walk throws `Found` at the first bad row: a report, not a defect.
    Effect.catchAllDefect((defect) => (defect instanceof Found ? Effect.succeed(defect.report) : Effect.die(defect)))
  )
