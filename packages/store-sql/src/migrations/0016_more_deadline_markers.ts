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
import { Effect, Schema } from "effect"
import type { Migration } from "./Migration.js"
import { type FieldsOf, reindex } from "./reindex.js"

const fieldsOf: ReadonlyArray<readonly [string, FieldsOf]> = [
  [decisionCollection, (doc) => decisionDeadlineIndex(Schema.decodeUnknownSync(Decision)(doc))],
  [disagreementCollection, (doc) => disagreementDeadlineIndex(Schema.decodeUnknownSync(Disagreement)(doc))],
  [placementCollection, (doc) => placementDeadlineIndex(Schema.decodeUnknownSync(Placement)(doc))],
  [childRecordCollection, (doc) => childRecordDeadlineIndex(Schema.decodeUnknownSync(ChildRecord)(doc))]
]

/**
 * The running deadlines read disagreements, placements and children's records by their `awaits` markers too (the
 * core's `deadlines/awaiting.ts`), no longer whole. Added here to the rows already in the store, as migration 15 did
 * for requests' clocks, sittings and decisions; decisions' markers worked out again, tighter since (a decision told of
 * a later hearing that meets it, an approval that ends pre-proceedings, wait for no review).
 */
export const moreDeadlineMarkers: Migration = {
  sqlite: [],
  pg: [],
  rewrite: Effect.forEach(fieldsOf, ([collection, fields]) => reindex(collection, fields), { discard: true })
}
