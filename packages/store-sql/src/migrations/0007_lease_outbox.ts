import type { Migration } from "./Migration.js"

/**
 * Outbox leases: any number of dispatchers share the outbox; each claims an entry by writing its name and
 * the lease's end (ISO text, compared as text like `next_attempt_at`). Delivery or failure clears both.
 */
export const leaseOutbox: Migration = {
  sqlite: [
    "ALTER TABLE outbox ADD COLUMN lease_owner TEXT",
    "ALTER TABLE outbox ADD COLUMN lease_until TEXT"
  ],
  pg: [
    `ALTER TABLE outbox ADD COLUMN lease_owner TEXT COLLATE "C"`,
    `ALTER TABLE outbox ADD COLUMN lease_until TEXT COLLATE "C"`
  ]
}
