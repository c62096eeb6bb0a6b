import { SqlClient } from "@effect/sql"
import { RateCounters } from "@carepanel/core"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"

/** Rows older than this are deleted, at most once per this interval: ended windows, processes long gone. */
const pruneAfterMs = 60_000

/** `RateCounters` in the `rate_counts` and `open_streams` tables (migration 0013), shared by every process on the store. */
export const makeSqlRateCounters = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let nextPrune = 0
    const pruning = (now: number, statement: Effect.Effect<unknown, SqlError>) =>
      Effect.suspend(() => {
        if (now < nextPrune) return Effect.void
        nextPrune = now + pruneAfterMs
        return Effect.asVoid(statement)
      })
    return RateCounters.of({
      addRequests: (counts, now) =>
        writeTransaction(
          Effect.zipLeft(
            Effect.forEach(counts, ({ key, windowEndsAt, delta }) =>
              sql<{ requests: number | string }>`INSERT INTO rate_counts (counter_key, window_ends_at, requests) VALUES (${key}, ${windowEndsAt}, ${delta})
                ON CONFLICT (counter_key, window_ends_at) DO UPDATE SET requests = rate_counts.requests + excluded.requests
                RETURNING requests`.pipe(Effect.map(([row]) => Number(row!.requests)))
            ),
            pruning(now, sql`DELETE FROM rate_counts WHERE window_ends_at < ${now - pruneAfterMs}`)
          )
        ).pipe(asPersistenceError("count requests")),
      recordStreams: (processId, open, now) =>
        writeTransaction(
          Effect.all([
            sql`DELETE FROM open_streams WHERE process_id = ${processId}`,
            Effect.forEach(open, ({ key, open: count }) =>
              sql`INSERT INTO open_streams (process_id, counter_key, open, seen_at) VALUES (${processId}, ${key}, ${count}, ${now})`
            ),
            pruning(now, sql`DELETE FROM open_streams WHERE seen_at < ${now - pruneAfterMs}`)
          ])
        ).pipe(Effect.asVoid, asPersistenceError("count open subscriptions")),
      otherStreams: (processId, aliveSince) =>
        sql<{ counter_key: string; open: number | string }>`SELECT counter_key, SUM(open) AS open FROM open_streams
          WHERE process_id <> ${processId} AND seen_at >= ${aliveSince} GROUP BY counter_key`.pipe(
          Effect.map((rows) => new Map(rows.map((row) => [row.counter_key, Number(row.open)]))),
          asPersistenceError("count open subscriptions")
        )
    })
  })
