import type { Migration } from "./Migration.js"

/** Notifications written with their commit; `seq` keeps creation order for "oldest first". */
export const createOutbox: Migration = {
  sqlite: [
    `CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      authority_id TEXT NOT NULL,
      notification TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT
    )`,
    "CREATE INDEX outbox_pending ON outbox (seq) WHERE state = 'pending'"
  ],
  pg: [
    `CREATE TABLE outbox (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id TEXT COLLATE "C" NOT NULL UNIQUE,
      authority_id TEXT COLLATE "C" NOT NULL,
      notification TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT COLLATE "C" NOT NULL,
      last_error TEXT
    )`,
    "CREATE INDEX outbox_pending ON outbox (seq) WHERE state = 'pending'"
  ]
}
