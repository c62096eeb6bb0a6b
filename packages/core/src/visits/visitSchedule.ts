import { DateTime } from "effect"
import type { WeeksAfter } from "../calendar/ClockRule.js"
import { formatInstant } from "../calendar/format.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { Visit, VisitedPlacement } from "./Visit.js"

const weeks = (n: number): WeeksAfter => ({ _tag: "WeeksAfter", weeks: n })

/** STAT-R28's intervals for a Regulation 24 placement (reg 28(4)): the first visit, then until and after the first review. */
export const visitIntervals = { first: weeks(1), untilFirstReview: weeks(1), afterFirstReview: weeks(4) } as const

/** One visit the law asks for: counted from `anchor` by `interval`, met by the visit that follows it, if any. */
export interface DueVisit {
  /** 1 for the first visit after the placement. */
  readonly number: number
  readonly anchor: DateTime.Utc
  readonly anchorText: string
  readonly interval: WeeksAfter
  readonly metAt: DateTime.Utc | undefined
}

export const visitsInOrder = (visits: ReadonlyArray<Visit>): ReadonlyArray<Visit> =>
  [...visits].sort((a, b) => DateTime.toEpochMillis(a.visitedAt) - DateTime.toEpochMillis(b.visitedAt))

/**
 * STAT-R28 for a Regulation 24 placement: the first visit within one week of the placement; after each visit the
 * next within one week while the first looked-after review has not been held by then, and within 4 weeks once it
 * has. Weeks are calendar weeks at the same London wall time (as regulation 24's 16 weeks). Every recorded visit
 * meets the one due before it; the last due visit is still open. A visit recorded before the placement is not one.
 */
export const dueVisits = (placement: VisitedPlacement, calendar: Calendar): ReadonlyArray<DueVisit> => {
  const placedAt = placement.placedAt
  if (placedAt === undefined) return []
  const visits = visitsInOrder(placement.visits).filter((visit) => !DateTime.lessThan(visit.visitedAt, placedAt))
  const reviewAt = placement.firstReview?.heldAt
  const due: DueVisit[] = []
  let anchor = placedAt
  for (let number = 1; number <= visits.length + 1; number++) {
    const previous = visits[number - 2]
    const interval =
      previous === undefined
        ? visitIntervals.first
        : reviewAt !== undefined && !DateTime.greaterThan(reviewAt, resolveClock(visitIntervals.untilFirstReview, { instant: anchor }, calendar).due)
          ? visitIntervals.afterFirstReview
          : visitIntervals.untilFirstReview
    const anchorText =
      previous === undefined
        ? `the placement at ${formatInstant(placedAt)} (the first visit)`
        : interval === visitIntervals.afterFirstReview
          ? `the visit at ${formatInstant(anchor)} (at most every 4 weeks after the first looked-after review at ${formatInstant(reviewAt!)})`
          : `the visit at ${formatInstant(anchor)} (weekly until the first looked-after review)`
    const next = visits[number - 1]
    due.push({ number, anchor, anchorText, interval, metAt: next?.visitedAt })
    if (next !== undefined) anchor = next.visitedAt
  }
  return due
}
