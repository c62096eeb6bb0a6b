import type { Migration } from "./Migration.js"

const table = (key: string, withoutRowId: string) => [
  `CREATE TABLE request_keys (
      authority_id ${key} NOT NULL,
      person_id ${key} NOT NULL,
      request_key ${key} NOT NULL,
      fingerprint TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      records TEXT NOT NULL,
      PRIMARY KEY (authority_id, person_id, request_key)
    )${withoutRowId}`
]

/**
 * The keys changes were sent with (an HTTP `Idempotency-Key`), per authority and sender, each claimed in the same
 * transaction as its change: what the change asked for (`fingerprint`), when it was applied and the records it wrote
 * (`records`, a JSON array of `{ streamType, id }`), so that a repeat is answered without running it. Ids only, no
 * child's data; kept as long as the store, as the inbox is.
 */
export const requestKeys: Migration = {
  sqlite: table("TEXT", " WITHOUT ROWID"),
  pg: table('TEXT COLLATE "C"', "")
}
