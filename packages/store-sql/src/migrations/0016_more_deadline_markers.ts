import {
  ChildRecord,
  childRecordCollection,
  childRecordDeadlineIndex,
  Decision,
  decisionCollection,
  decisionDeadlineIndex,
  Disagreement,
  disagreementCollection,
  disagreementDeadlineIndex,
  Placement,
  placementCollection,
  placementDeadlineIndex
} from "@carepanel/core"
import type { Migration } from "./Migration.js"
import { fieldsFrom, reindexing } from "./reindex.js"

/**
 * The running deadlines read disagreements, placements and children's records by their `awaits` markers too (the
 * core's `deadlines/awaiting.ts`), no longer whole. Added here to the rows already in the store, as migration 15 did
 * for requests' clocks, sittings and decisions; decisions' markers worked out again, tighter since (a decision told of
 * a later hearing that meets it, an approval that ends pre-proceedings, wait for no review).
 */
export const moreDeadlineMarkers: Migration = reindexing([
  [decisionCollection, fieldsFrom(Decision, decisionDeadlineIndex)],
  [disagreementCollection, fieldsFrom(Disagreement, disagreementDeadlineIndex)],
  [placementCollection, fieldsFrom(Placement, placementDeadlineIndex)],
  [childRecordCollection, fieldsFrom(ChildRecord, childRecordDeadlineIndex)]
])
