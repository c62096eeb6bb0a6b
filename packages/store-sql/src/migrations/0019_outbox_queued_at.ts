import type { Migration } from "./Migration.js"

/**
 * When each notification was queued, so that a terminal's inbox can open with its operator's recent notifications.
 * A notification queued before this is taken as queued when it was first due (`next_attempt_at`, which since 0009
 * is never changed on `outbox`; before 0009 a retry moved it, so those read as queued at their last retry).
 */
export const outboxQueuedAt: Migration = {
  sqlite: [
    "ALTER TABLE outbox ADD COLUMN queued_at TEXT",
    "UPDATE outbox SET queued_at = next_attempt_at",
    "CREATE INDEX outbox_queued_at ON outbox (queued_at)"
  ],
  pg: [
    `ALTER TABLE outbox ADD COLUMN queued_at TEXT COLLATE "C"`,
    "UPDATE outbox SET queued_at = next_attempt_at",
    "CREATE INDEX outbox_queued_at ON outbox (queued_at)"
  ]
}
