import type { Migration } from "./Migration.js"

const deliveries = (text: string) => `CREATE TABLE webhook_deliveries (
      authority_id ${text} NOT NULL,
      delivery_id ${text} NOT NULL,
      source_id ${text} NOT NULL,
      event_type TEXT NOT NULL,
      body_sha256 TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'refused', 'parked', 'dead')),
      answer TEXT NOT NULL,
      received_at ${text} NOT NULL,
      updated_at TEXT NOT NULL,
      waiting_for ${text},
      body TEXT,
      PRIMARY KEY (authority_id, delivery_id)
    )`

const references = (text: string) => `CREATE TABLE source_references (
      authority_id ${text} NOT NULL,
      source_id ${text} NOT NULL,
      record_type ${text} NOT NULL,
      reference ${text} NOT NULL,
      record_id TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      PRIMARY KEY (authority_id, source_id, record_type, reference)
    )`

/**
 * The webhook receiver's record of each delivery (its outcome, the answer it was given, and while parked,
 * refused or dead its body, for replay), and the case systems' own references to the records deliveries
 * created. The `inbox` row of a delivery's `webhook-id` is written in the same transaction.
 */
export const createWebhookDeliveries: Migration = {
  sqlite: [
    `${deliveries("TEXT")} WITHOUT ROWID`,
    "CREATE INDEX webhook_deliveries_waiting ON webhook_deliveries (authority_id, waiting_for, received_at) WHERE outcome = 'parked'",
    `${references("TEXT")} WITHOUT ROWID`
  ],
  pg: [
    deliveries('TEXT COLLATE "C"'),
    "CREATE INDEX webhook_deliveries_waiting ON webhook_deliveries (authority_id, waiting_for, received_at) WHERE outcome = 'parked'",
    references('TEXT COLLATE "C"')
  ]
}
