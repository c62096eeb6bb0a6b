import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect } from "effect"
import { eventHash, genesisHash } from "./eventHash.js"

/** The first event whose stored hash is not the hash of its content chained to the event before it. */
export interface BrokenLink {
  readonly _tag: "Broken"
  readonly streamId: string
  readonly version: number
  readonly expected: string
  readonly actual: string
}

export type ChainReport = { readonly _tag: "Intact"; readonly events: number; readonly streams: number } | BrokenLink

interface Row {
  readonly stream_id: string
  readonly version: number
  readonly type: string
  readonly data: string
  readonly recorded_at: string
  readonly hash: string
}

const pageSize = 2000

/**
 * Recomputes every event's hash, stream by stream in version order, and reports the first broken link.
 * `streamId` limits the walk to one stream. Reads in pages, so memory stays flat on a large log.
 */
export const verifyChain = (options: { readonly streamId?: string } = {}): Effect.Effect<ChainReport, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const only = options.streamId === undefined ? sql`` : sql`AND stream_id = ${options.streamId}`
    let cursor = { streamId: "", version: 0 }
    let prevHash = genesisHash
    let events = 0
    let streams = 0
    while (true) {
      const rows = yield* sql<Row>`SELECT stream_id, version, type, data, recorded_at, hash FROM events
        WHERE (stream_id, version) > (${cursor.streamId}, ${cursor.version}) ${only}
        ORDER BY stream_id, version LIMIT ${pageSize}`
      for (const row of rows) {
        const version = Number(row.version)
        if (row.stream_id !== cursor.streamId) {
          streams += 1
          prevHash = genesisHash
        }
        const expected = eventHash(prevHash, {
          streamId: row.stream_id,
          version,
          type: row.type,
          data: row.data,
          recordedAt: row.recorded_at
        })
        if (expected !== row.hash) {
          return { _tag: "Broken", streamId: row.stream_id, version, expected, actual: row.hash } as const
        }
        events += 1
        prevHash = row.hash
        cursor = { streamId: row.stream_id, version }
      }
      if (rows.length < pageSize) return { _tag: "Intact", events, streams } as const
    }
  })
