import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"

const audit = { by: ActedBy, at: Schema.DateTimeUtc }

/** STAT-R28: a visit to the child in the placement; `notSeenAloneReason` is there exactly when `seenAlone` is false. */
export const VisitRecorded = Schema.TaggedStruct("VisitRecorded", {
  visitedAt: Schema.DateTimeUtc,
  visitor: Schema.NonEmptyTrimmedString,
  seenAlone: Schema.Boolean,
  notSeenAloneReason: Schema.optional(Schema.NonEmptyTrimmedString),
  ...audit
})

/** STAT-R9: the placement plan was prepared at `preparedAt`. */
export const PlacementPlanRecorded = Schema.TaggedStruct("PlacementPlanRecorded", { preparedAt: Schema.DateTimeUtc, ...audit })

/** regulation 33's first looked-after review was held at `heldAt` (for STAT-R28's switch from weekly to 4-weekly visits). */
export const FirstReviewRecorded = Schema.TaggedStruct("FirstReviewRecorded", { heldAt: Schema.DateTimeUtc, ...audit })

export const VisitEvent = Schema.Union(VisitRecorded, PlacementPlanRecorded, FirstReviewRecorded)
export type VisitEvent = typeof VisitEvent.Type
