import type { Migration } from "./Migration.js"

/**
 * The refused and dead deliveries whose bodies are still kept, by when they settled: every receiver's sweep looks for
 * those past the retention period each minute, among all deliveries ever received (kept for ever, for exactly once).
 */
const erasable = "CREATE INDEX webhook_deliveries_erasable ON webhook_deliveries (updated_at) WHERE outcome IN ('refused', 'dead') AND body IS NOT NULL"

export const webhookDeliveriesErasable: Migration = { sqlite: [erasable], pg: [erasable] }
