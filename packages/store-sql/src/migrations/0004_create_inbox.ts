import type { Migration } from "./Migration.js"

/** Message ids an idempotent receiver has already processed, per authority. */
export const createInbox: Migration = {
  sqlite: [
    `CREATE TABLE inbox (
      authority_id TEXT NOT NULL,
      message_id TEXT NOT NULL,
      processed_at TEXT NOT NULL,
      PRIMARY KEY (authority_id, message_id)
    ) WITHOUT ROWID`
  ],
  pg: [
    `CREATE TABLE inbox (
      authority_id TEXT COLLATE "C" NOT NULL,
      message_id TEXT COLLATE "C" NOT NULL,
      processed_at TEXT NOT NULL,
      PRIMARY KEY (authority_id, message_id)
    )`
  ]
}
