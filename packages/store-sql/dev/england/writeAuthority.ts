import { SqlClient } from "@effect/sql"
import { type ReadModelRow, streamIdOf } from "@carepanel/core"
import { Effect } from "effect"
import { lastLinkHead, signedLinkRow } from "../../src/chain/appendLink.js"
import { linkedRowOf } from "../../src/chain/chainLink.js"
import { genesisHash } from "../../src/chain/eventHash.js"
import type { SigningKey } from "../../src/chain/signingKey.js"
import { eventRowsOf } from "../../src/store/appendCommit.js"
import { indexRowsOf, readModelsRowOf } from "../../src/store/writeReadModels.js"
import type { RecordedCommit } from "./recordingStore.js"

/** Rows per multi-row INSERT: PostgreSQL takes at most 65,535 parameters in one statement (events have 10 columns). */
const rowsPerInsert = 2_000

const insertAll = (table: string, rows: ReadonlyArray<Record<string, unknown>>) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach(
      Array.from({ length: Math.ceil(rows.length / rowsPerInsert) }, (_, i) => rows.slice(i * rowsPerInsert, (i + 1) * rowsPerInsert)),
      (chunk) => sql`INSERT INTO ${sql(table)} ${sql.insert(chunk as Array<Record<string, unknown>>)}`,
      { discard: true }
    )
  )

/**
 * Writes one authority's whole history in the caller's transaction, as the store's appends would have written it
 * commit by commit: positions claimed from `event_head` at once (which also holds off any other writer until the
 * commit), each commit's events hash-chained per stream and its own signed link after the store's last one (the
 * chain's rule: one link, one signature per commit), then the read models' final rows and their index entries.
 * The authority's streams must be new to the store (the seed checks that before playing the authority).
 */
export const writeAuthority = (key: SigningKey, commits: ReadonlyArray<RecordedCommit>, readModels: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const count = commits.reduce((sum, { commit }) => sum + commit.events.length, 0)
    const [claimed] = yield* sql<{ last_position: number | string }>`UPDATE event_head SET last_position = last_position + ${count}
      WHERE id = 1 RETURNING last_position`
    let position = Number(claimed?.last_position) - count + 1
    let prevHead = yield* lastLinkHead("events")
    const heads = new Map<string, { version: number; hash: string }>()
    const events: Array<ReturnType<typeof eventRowsOf>[number]> = []
    const links: Array<ReturnType<typeof signedLinkRow>> = []
    for (const { commit, recordedAt } of commits) {
      if (commit.events.length === 0) continue
      const streamId = streamIdOf(commit.stream)
      const rows = eventRowsOf(commit, heads.get(streamId) ?? { version: 0, hash: genesisHash }, position, recordedAt)
      position += rows.length
      heads.set(streamId, { version: rows[rows.length - 1]!.version, hash: rows[rows.length - 1]!.hash })
      events.push(...rows)
      const link = signedLinkRow(key, prevHead, "events", streamId, rows.map((row) => linkedRowOf("events", row)), recordedAt)
      links.push(link)
      prevHead = link.head
    }
    yield* insertAll("events", events)
    yield* insertAll("chain_links", links)
    yield* insertAll("read_models", readModels.map(readModelsRowOf))
    yield* insertAll("read_model_index", readModels.flatMap(indexRowsOf))
    return { events: events.length, commits: links.length }
  })
