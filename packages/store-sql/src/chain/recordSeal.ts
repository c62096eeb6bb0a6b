import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { type RecordSeal, type SignedCommit, streamIdOf, type StreamRef } from "@carepanel/core"
import { Effect } from "effect"
import { chainGenesis } from "./chainLink.js"
import { type SigningKey, signText } from "./signingKey.js"
import type { Checkpoint } from "./witness.js"

/** What a record seal's signature is over: the store, the child, the checkpoint, each record's last version and hash at it. */
export interface SealedStatement {
  readonly storeId: string
  readonly authorityId: string
  readonly childId: string
  readonly checkpoint: { readonly position: number; readonly head: string }
  readonly records: RecordSeal["records"]
}

export const sealMessage = (statement: SealedStatement): string =>
  [
    "carepanel-record-seal-v1",
    statement.storeId,
    statement.authorityId,
    statement.childId,
    String(statement.checkpoint.position),
    statement.checkpoint.head,
    ...[...statement.records].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0)).map((record) => `${record.streamId} ${record.version} ${record.hash}`)
  ].join("\n")

const chunkSize = 500
const chunks = <A>(items: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> =>
  Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) => items.slice(i * chunkSize, (i + 1) * chunkSize))

interface LinkRow {
  readonly first_seq: number | string
  readonly last_seq: number | string
  readonly subject: string
  readonly head: string
  readonly key_id: string
  readonly signature: string
}

/**
 * Seals the streams as they stand at `checkpoint` (taken just before): their signed commits up to its position,
 * with the head before each (events are gapless, so that is the link ending one position earlier), and each
 * stream's last version and hash at it, signed. Reads only what was committed at or before the checkpoint.
 */
export const sealRecords = (
  key: SigningKey,
  checkpoint: Checkpoint,
  authorityId: string,
  childId: string,
  streams: ReadonlyArray<StreamRef>
): Effect.Effect<RecordSeal, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const through = checkpoint.events.position
    const streamIds = [...new Set(streams.map(streamIdOf))]
    const links = (
      yield* Effect.forEach(chunks(streamIds), (ids) =>
        sql<LinkRow>`SELECT first_seq, last_seq, subject, head, key_id, signature FROM chain_links
          WHERE log = 'events' AND last_seq <= ${through} AND ${sql.in("subject", ids)}`
      )
    )
      .flat()
      .sort((a, b) => Number(a.last_seq) - Number(b.last_seq))
    const before = new Map<number, string>()
    for (const positions of chunks(links.map((link) => Number(link.first_seq) - 1).filter((position) => position > 0))) {
      const rows = yield* sql<{ last_seq: number | string; head: string }>`SELECT last_seq, head FROM chain_links WHERE log = 'events' AND ${sql.in("last_seq", positions)}`
      for (const row of rows) before.set(Number(row.last_seq), row.head)
    }
    const commits: ReadonlyArray<SignedCommit> = links.map((link) => ({
      firstPosition: Number(link.first_seq),
      lastPosition: Number(link.last_seq),
      streamId: link.subject,
      previousHead: before.get(Number(link.first_seq) - 1) ?? chainGenesis,
      head: link.head,
      keyId: link.key_id,
      signature: link.signature
    }))
    const lastOfStream = new Map(commits.map((commit) => [commit.streamId, commit.lastPosition]))
    const records = (
      yield* Effect.forEach(chunks([...lastOfStream.values()]), (positions) =>
        sql<{ stream_id: string; version: number | string; hash: string }>`SELECT stream_id, version, hash FROM events WHERE ${sql.in("position", positions)}`
      )
    )
      .flat()
      .map((row) => ({ streamId: row.stream_id, version: Number(row.version), hash: row.hash }))
    const storeId = checkpoint.storeId ?? ""
    const statement = { storeId, authorityId, childId, checkpoint: { position: through, head: checkpoint.events.head }, records }
    return { storeId, checkpoint, commits, records, keyId: key.keyId, signature: signText(key, sealMessage(statement)) }
  })
