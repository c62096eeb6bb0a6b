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
import type { Migration } from "./Migration.js"
import { fieldsFrom, reindexing } from "./reindex.js"

/**
 * The running deadlines read only the records that may have a running clock, by index fields the core writes from
 * this version on (`awaits` on requests' clocks, sittings and decisions; `sittingId` on requests' clocks; `month` on
 * sittings: see the core's `deadlines/awaiting.ts`). Added here to the rows already in the store, worked out by the
 * core from each stored document, in the migration's transaction.
 */
export const deadlineMarkers: Migration = reindexing([
  [referralClocksCollection, fieldsFrom(ReferralClockInputs, referralDeadlineIndex)],
  [sittingCollection, fieldsFrom(Sitting, sittingDeadlineIndex)],
  [decisionCollection, fieldsFrom(Decision, decisionDeadlineIndex)]
])
