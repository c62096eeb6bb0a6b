import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ChildRecord } from "./ChildRecord.js"
import { LookedAfterRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import type { LegalStatus } from "./LegalStatus.js"
import type { LookedAfterPeriod } from "./LookedAfter.js"

/** The legal status in force at `at`: the last one begun by then. */
export const statusAt = (record: ChildRecord, at: DateTime.Utc): LegalStatus | undefined =>
  record.legalStatuses.findLast((status) => !DateTime.greaterThan(status.from, at))

/**
 * The open period ends at `endedAt`, the child at home. A legal status recorded as beginning after that (an order
 * recorded before the end was) begins a new period at its own start (STAT-R33 counts from it): the days at home
 * between the two are not looked after. Both in one decision, so the record is never left with the days counted.
 * Refused, as an end recorded by hand is, when a review on the period was held after `endedAt`: the child was looked
 * after then, so either date is wrong, and `check` says which to look at ("when the child went home").
 */
export const endedAtHome = (
  record: ChildRecord,
  open: LookedAfterPeriod,
  home: { readonly endedAt: DateTime.Utc; readonly reason: string; readonly check: string },
  audit: Pick<ChildRecordEvent, "by" | "at">
): Effect.Effect<ReadonlyArray<ChildRecordEvent>, LookedAfterRefused> => {
  const { endedAt, reason } = home
  const lastReview = open.reviews.at(-1)?.heldAt
  if (lastReview !== undefined && DateTime.greaterThan(lastReview, endedAt)) {
    return Effect.fail(
      new LookedAfterRefused({
        ruleId: "STAT-R33",
        message: `Looked-after status cannot end at ${formatInstant(endedAt)} (${reason}), before the last review at ${formatInstant(lastReview)}: check ${home.check}.`
      })
    )
  }
  const ended: ChildRecordEvent = { _tag: "LookedAfterEnded", periodId: open.periodId, endedAt, reason, ...audit }
  const next = record.legalStatuses.find((status) => DateTime.greaterThan(status.from, endedAt))
  if (next === undefined) return Effect.succeed([ended])
  return Effect.succeed([ended, { _tag: "BecameLookedAfter", periodId: `la-${record.lookedAfter.length + 1}`, route: "legal_status", from: next.from, code: next.code, ...audit }])
}
