import { DateTime } from "effect"
import type { ChildRecord } from "./ChildRecord.js"
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
 */
export const endedAtHome = (
  record: ChildRecord,
  open: LookedAfterPeriod,
  endedAt: DateTime.Utc,
  reason: string,
  audit: Pick<ChildRecordEvent, "by" | "at">
): ReadonlyArray<ChildRecordEvent> => {
  const ended: ChildRecordEvent = { _tag: "LookedAfterEnded", periodId: open.periodId, endedAt, reason, ...audit }
  const next = record.legalStatuses.find((status) => DateTime.greaterThan(status.from, endedAt))
  if (next === undefined) return [ended]
  return [ended, { _tag: "BecameLookedAfter", periodId: `la-${record.lookedAfter.length + 1}`, route: "legal_status", from: next.from, code: next.code, ...audit }]
}
