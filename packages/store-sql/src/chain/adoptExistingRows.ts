import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { appendLink } from "./appendLink.js"
import { type ChainLog, linkedColumns, linkedRowOf } from "./chainLink.js"
import type { SigningKey } from "./signingKey.js"

const pageSize = 1000
const tableOf: Record<ChainLog, string> = { events: "events", access: "access_log" }

/**
 * Rows written before migration 0010 get their links at the first start after it, in the migration's transaction
 * (so no append comes between): one link per row, signed with the key configured then. Only rows up to
 * `chain_starts.adopted_through`, and only while none of them is linked, so a later start never signs rows anew.
 */
export const adoptExistingRows = (key: SigningKey, now: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (const log of ["events", "access"] as const) {
      const [start] = yield* sql<{ adopted_through: number | string }>`SELECT adopted_through FROM chain_starts WHERE log = ${log}`
      const through = Number(start?.adopted_through ?? 0)
      const [linked] = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM chain_links WHERE log = ${log} AND last_seq <= ${through}`
      if (through === 0 || Number(linked?.n) > 0) continue
      const seqColumn = linkedColumns[log][0]!
      let after = 0
      while (after < through) {
        const rows = yield* sql.unsafe<Record<string, unknown>>(
          `SELECT ${linkedColumns[log].join(", ")} FROM ${tableOf[log]} WHERE ${seqColumn} > ${after} AND ${seqColumn} <= ${through}
           ORDER BY ${seqColumn} LIMIT ${pageSize}`
        )
        if (rows.length === 0) break
        for (const row of rows) {
          yield* appendLink(key, log, log === "events" ? String(row.stream_id) : "", [linkedRowOf(log, row)], now)
        }
        after = Number(rows[rows.length - 1]![seqColumn])
      }
    }
  })
