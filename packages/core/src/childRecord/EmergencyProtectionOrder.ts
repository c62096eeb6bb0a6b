import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"

const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

/** STAT-S44: an emergency protection order lasts at most 8 days (s45(1)) ... */
export const epoMaxDays = 8
/** ... and may be extended once, by at most 7 days (s45(4)-(6)). */
export const epoMaxExtensionDays = 7

/** How an emergency protection order ended before (or when) it lapsed: what meets the clock to its end. */
export const EpoOutcome = Schema.Literal("returned_home", "accommodated_s20", "interim_care_order", "discharged_by_court")
export type EpoOutcome = typeof EpoOutcome.Type

export const epoOutcomeLabel: Record<EpoOutcome, string> = {
  returned_home: "the child was returned home",
  accommodated_s20: "the child was accommodated under s20 with recorded consent",
  interim_care_order: "an interim care order was made",
  discharged_by_court: "the court discharged the order"
}

/**
 * One emergency protection order (STAT-S44): made at `madeAt` for the court's period of whole days, ending at the
 * same London wall time `days` later (a court order names a day and time, never an elapsed count of hours).
 */
export const EmergencyProtectionOrder = Schema.Struct({
  /** "epo-1", "epo-2": the child's orders in the order they were made. */
  orderId: Schema.String,
  madeAt: Schema.DateTimeUtc,
  days: Schema.Int,
  endsAt: Schema.DateTimeUtc,
  /** The one extension (STAT-S44), from the first end, made by the court at `extendedAt` (absent in older records: `at`). */
  extension: Schema.optional(
    Schema.Struct({ days: Schema.Int, from: Schema.DateTimeUtc, endsAt: Schema.DateTimeUtc, extendedAt: Schema.optional(Schema.DateTimeUtc), ...recorded })
  ),
  ended: Schema.optional(Schema.Struct({ outcome: EpoOutcome, endedAt: Schema.DateTimeUtc, ...recorded })),
  ...recorded
})
export type EmergencyProtectionOrder = typeof EmergencyProtectionOrder.Type

/** When the order ends now: its extended end if extended, else the court's first period. */
export const epoEndsAt = (order: EmergencyProtectionOrder) => order.extension?.endsAt ?? order.endsAt
