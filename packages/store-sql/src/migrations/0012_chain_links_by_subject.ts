import type { Migration } from "./Migration.js"

/**
 * A court bundle's seal (`sealRecords`) reads the signed commits of one child's streams: `chain_links` by `subject`.
 * Without this index PostgreSQL scanned every authority's links for it (a parallel sequential scan, 288 ms at 150
 * authorities' 509,000 links, growing with the whole store: docs/performance.md, "All of England"); with it, an
 * index range scan per stream.
 */
export const chainLinksBySubject: Migration = {
  sqlite: ["CREATE INDEX chain_links_by_subject ON chain_links (subject, last_seq)"],
  pg: ["CREATE INDEX chain_links_by_subject ON chain_links (subject, last_seq)"]
}
