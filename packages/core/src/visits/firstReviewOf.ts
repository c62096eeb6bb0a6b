import { DateTime } from "effect"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import type { VisitedPlacement } from "./Visit.js"

/**
 * The placement as its visit schedule sees it: its first looked-after review is the earlier of the one recorded on
 * the placement and the first STAT-R33 review on the child's record held since the child was placed. A review
 * recorded once on the child's record is enough to move the visits from weekly to 4-weekly.
 */
export const withChildRecordReview = (placement: VisitedPlacement, record: ChildRecord | undefined): VisitedPlacement => {
  const placedAt = placement.placedAt
  if (placedAt === undefined || record === undefined) return placement
  const sincePlaced = record.lookedAfter
    .flatMap((period) => period.reviews)
    .filter((review) => !DateTime.lessThan(review.heldAt, placedAt))
    .sort((a, b) => DateTime.Order(a.heldAt, b.heldAt))
  const first = sincePlaced[0]
  if (first === undefined) return placement
  if (placement.firstReview !== undefined && !DateTime.lessThan(first.heldAt, placement.firstReview.heldAt)) return placement
  return { ...placement, firstReview: { heldAt: first.heldAt, by: first.by, at: first.at } }
}
