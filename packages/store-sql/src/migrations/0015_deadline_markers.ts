import {
  Decision,
  decisionCollection,
  decisionDeadlineIndex,
  ReferralClockInputs,
  referralClocksCollection,
  referralDeadlineIndex,
  Sitting,
  sittingCollection,
  sittingDeadlineIndex
} from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { Migration } from "./Migration.js"
import { type FieldsOf, reindex } from "./reindex.js"

/** The core's running-deadline index fields of a stored document, by its collection. */
const fieldsOf: ReadonlyArray<readonly [string, FieldsOf]> = [
  [referralClocksCollection, (doc) => referralDeadlineIndex(Schema.decodeUnknownSync(ReferralClockInputs)(doc))],
  [sittingCollection, (doc) => sittingDeadlineIndex(Schema.decodeUnknownSync(Sitting)(doc))],
  [decisionCollection, (doc) => decisionDeadlineIndex(Schema.decodeUnknownSync(Decision)(doc))]
]

/**
 * The running deadlines read only the records that may have a running clock, by index fields the core writes from
 * this version on (`awaits` on requests' clocks, sittings and decisions; `sittingId` on requests' clocks; `month` on
 * sittings: see the core's `deadlines/awaiting.ts`). Added here to the rows already in the store, worked out by the
 * core from each stored document, in the migration's transaction.
 */
export const deadlineMarkers: Migration = {
  sqlite: [],
  pg: [],
  rewrite: Effect.forEach(fieldsOf, ([collection, fields]) => reindex(collection, fields), { discard: true })
}
