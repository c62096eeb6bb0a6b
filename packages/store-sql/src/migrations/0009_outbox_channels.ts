import type { Migration } from "./Migration.js"

/**
 * Delivery state per notification and channel (`email`, `webhook`): each channel's dispatchers claim, retry
 * and give up on their own rows, so one notification goes out once on every channel. `outbox` keeps the
 * notification itself; its own state, attempt and lease columns are no longer read or written after this.
 * Existing notifications get a row on each channel carrying the state they had, so nothing already sent (on
 * whichever channel took it) is sent again, and what was pending goes out on both.
 */
const channels = "SELECT 'email' AS channel UNION ALL SELECT 'webhook'"
const copyExisting = `INSERT INTO outbox_deliveries (seq, channel, state, attempts, next_attempt_at, last_error, lease_owner, lease_until)
  SELECT outbox.seq, channels.channel, outbox.state, outbox.attempts, outbox.next_attempt_at, outbox.last_error, outbox.lease_owner, outbox.lease_until
  FROM outbox CROSS JOIN (${channels}) AS channels`

export const outboxChannels: Migration = {
  sqlite: [
    `CREATE TABLE outbox_deliveries (
      seq INTEGER NOT NULL REFERENCES outbox (seq),
      channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      lease_owner TEXT,
      lease_until TEXT,
      PRIMARY KEY (seq, channel)
    )`,
    "CREATE INDEX outbox_deliveries_pending ON outbox_deliveries (channel, seq) WHERE state = 'pending'",
    copyExisting,
    "DROP INDEX outbox_pending"
  ],
  pg: [
    `CREATE TABLE outbox_deliveries (
      seq BIGINT NOT NULL REFERENCES outbox (seq),
      channel TEXT COLLATE "C" NOT NULL CHECK (channel IN ('email', 'webhook')),
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT COLLATE "C" NOT NULL,
      last_error TEXT,
      lease_owner TEXT COLLATE "C",
      lease_until TEXT COLLATE "C",
      PRIMARY KEY (seq, channel)
    )`,
    "CREATE INDEX outbox_deliveries_pending ON outbox_deliveries (channel, seq) WHERE state = 'pending'",
    copyExisting,
    "DROP INDEX outbox_pending"
  ]
}
