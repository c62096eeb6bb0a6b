import type { ClockRule } from "../calendar/ClockRule.js"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { ChildRecord } from "./ChildRecord.js"
import { describeRoute, type LookedAfterPeriod } from "./LookedAfter.js"

/** STAT-R33: the first review within 20 working days of becoming looked after ... */
export const firstReviewWorkingDays = 20
/** ... the second at most 3 months after the first, then at most every 6 months. */
export const secondReviewMonths = 3
export const laterReviewMonths = 6

const ordinal = (n: number) => (n === 1 ? "First" : n === 2 ? "Second" : `Review ${n}:`)

/** Review `n` (1-based) of `period`: its clock rule and the anchor it counts from. */
const reviewDue = (period: LookedAfterPeriod, n: number): { rule: ClockRule; anchor: LookedAfterPeriod["from"]; anchorText: string } => {
  if (n === 1) {
    return {
      // Working days land on working days; a statutory count is never moved past a closure.
      rule: { _tag: "DaysAfter", days: firstReviewWorkingDays, unit: "working", ifClosed: "keep" },
      anchor: period.from,
      anchorText: `the child became looked after at ${formatInstant(period.from)} (${describeRoute(period)})`
    }
  }
  const previous = period.reviews[n - 2]!
  return {
    rule: { _tag: "MonthsAfter", months: n === 2 ? secondReviewMonths : laterReviewMonths, ifClosed: "keep" },
    anchor: previous.heldAt,
    anchorText: `the ${n === 2 ? "first review" : `review ${n - 1}`} at ${formatInstant(previous.heldAt)}, chaired by ${previous.iroName}`
  }
}

/**
 * STAT-R33, for each period of being looked after: every review held, met when it was held, and the next one due
 * while the child is still looked after. An ended period asks for no further review.
 */
export const lookedAfterClocks = (record: ChildRecord): ReadonlyArray<ClockSpec> =>
  record.lookedAfter.flatMap((period) => {
    const count = period.reviews.length + (period.ended === undefined ? 1 : 0)
    return Array.from({ length: count }, (_, i) => {
      const n = i + 1
      const { rule, anchor, anchorText } = reviewDue(period, n)
      return {
        id: `${record.childId}:r33:${period.periodId}:${n}`,
        about: { kind: "child" as const, id: record.childId },
        title: `${ordinal(n)} looked-after review, chaired by the child's Independent Reviewing Officer`,
        rule: { ruleId: "STAT-R33" as const, clock: rule },
        anchor,
        anchorText,
        metAt: period.reviews[i]?.heldAt
      }
    })
  })
