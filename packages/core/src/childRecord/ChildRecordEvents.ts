import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, ChildId } from "../shared/ids.js"
import { EpoOutcome } from "./EmergencyProtectionOrder.js"

/** Every event names who caused it and when: the log is the audit trail. */
const audit = { by: ActedBy, at: Schema.DateTimeUtc }

/** The first event of every child's record, written with the first thing recorded about the child. */
export const ChildRecordOpened = Schema.TaggedStruct("ChildRecordOpened", { childId: ChildId, authorityId: AuthorityId, ...audit })

/** STAT-S44: the court made an emergency protection order at `madeAt` for `days` days, ending at `endsAt`. */
export const EmergencyProtectionOrderMade = Schema.TaggedStruct("EmergencyProtectionOrderMade", {
  orderId: Schema.String,
  madeAt: Schema.DateTimeUtc,
  days: Schema.Int,
  endsAt: Schema.DateTimeUtc,
  ...audit
})
/** STAT-S44: the court extended the order once, by `days` from its first end `from`, to `endsAt`. */
export const EmergencyProtectionOrderExtended = Schema.TaggedStruct("EmergencyProtectionOrderExtended", {
  orderId: Schema.String,
  days: Schema.Int,
  from: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  ...audit
})
/** STAT-S44: how and when the order came to an end; meets the clock to its end. */
export const EmergencyProtectionOrderEnded = Schema.TaggedStruct("EmergencyProtectionOrderEnded", {
  orderId: Schema.String,
  outcome: EpoOutcome,
  endedAt: Schema.DateTimeUtc,
  ...audit
})

export const ChildRecordEvent = Schema.Union(
  ChildRecordOpened,
  EmergencyProtectionOrderMade,
  EmergencyProtectionOrderExtended,
  EmergencyProtectionOrderEnded
)
export type ChildRecordEvent = typeof ChildRecordEvent.Type
