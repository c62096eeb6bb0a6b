import type { Migration } from "./Migration.js"

const tables = (text: string, bigint: string, unlogged: string) => [
  `CREATE ${unlogged}TABLE rate_counts (
      counter_key ${text} NOT NULL,
      window_ends_at ${bigint} NOT NULL,
      requests ${bigint} NOT NULL CHECK (requests >= 0),
      PRIMARY KEY (counter_key, window_ends_at)
    )`,
  "CREATE INDEX rate_counts_by_end ON rate_counts (window_ends_at)",
  `CREATE ${unlogged}TABLE open_streams (
      process_id ${text} NOT NULL,
      counter_key ${text} NOT NULL,
      open INTEGER NOT NULL CHECK (open > 0),
      seen_at ${bigint} NOT NULL,
      PRIMARY KEY (process_id, counter_key)
    )`
]

/**
 * Counts every process on the store shares, so that per-client limits hold across replicas (docs/deployment.md,
 * "Limits across replicas"): requests per client key and aligned window (milliseconds since the epoch), and each
 * process's open event streams per client key with when it last said so. Counters, not records: rows are updated
 * and deleted, never chained or signed, and no append-only trigger covers them. PostgreSQL keeps them UNLOGGED (a
 * crash empties them, which at worst lets one window's clients start again from nought).
 */
export const rateCounters: Migration = {
  sqlite: tables("TEXT", "INTEGER", ""),
  pg: tables('TEXT COLLATE "C"', "BIGINT", "UNLOGGED ")
}
