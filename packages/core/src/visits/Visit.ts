import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"

const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

/**
 * STAT-R28: a visit to the child in the placement by the authority's representative (`visitor`), when it happened,
 * and whether the child was seen alone; when not, why not.
 */
export const Visit = Schema.Struct({
  visitedAt: Schema.DateTimeUtc,
  visitor: Schema.NonEmptyTrimmedString,
  seenAlone: Schema.Boolean,
  notSeenAloneReason: Schema.optional(Schema.NonEmptyTrimmedString),
  ...recorded
})
export type Visit = typeof Visit.Type

/** STAT-R9: the placement plan, prepared at `preparedAt` (before the placement, or within 5 working days of it). */
export const PlacementPlan = Schema.Struct({ preparedAt: Schema.DateTimeUtc, ...recorded })
export type PlacementPlan = typeof PlacementPlan.Type

/**
 * The child's first looked-after review (regulation 33), held at `heldAt`: for a Regulation 24 placement, visits go from
 * weekly to at most every 4 weeks (STAT-R28, reg 28(4)).
 */
export const FirstReview = Schema.Struct({ heldAt: Schema.DateTimeUtc, ...recorded })
export type FirstReview = typeof FirstReview.Type

/** What the visit and plan duties read from a placement: when it started, and what is recorded on it. */
export interface VisitedPlacement {
  readonly id: string
  readonly placedAt: Schema.Schema.Type<typeof Schema.DateTimeUtc> | undefined
  readonly endedAt: Schema.Schema.Type<typeof Schema.DateTimeUtc> | undefined
  readonly visits: ReadonlyArray<Visit>
  readonly placementPlan: PlacementPlan | undefined
  readonly firstReview: FirstReview | undefined
}
