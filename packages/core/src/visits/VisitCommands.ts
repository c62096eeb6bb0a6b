import type { DateTime } from "effect"

/** STAT-R28: a visit; `visitor` defaults to whoever records it. */
export interface RecordVisit {
  readonly _tag: "RecordVisit"
  readonly visitedAt: DateTime.Utc
  readonly visitor?: string
  readonly seenAlone: boolean
  /** Required when the child was not seen alone. */
  readonly notSeenAloneReason?: string
}

/** STAT-R9: the placement plan; `preparedAt` defaults to now. */
export interface RecordPlacementPlan {
  readonly _tag: "RecordPlacementPlan"
  readonly preparedAt?: DateTime.Utc
}

/** The child's first looked-after review (regulation 33), for STAT-R28's switch to 4-weekly visits. */
export interface RecordFirstReview {
  readonly _tag: "RecordFirstReview"
  readonly heldAt: DateTime.Utc
}

export type VisitCommand = RecordVisit | RecordPlacementPlan | RecordFirstReview
