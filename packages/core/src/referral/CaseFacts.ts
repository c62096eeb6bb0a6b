import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"

/** What kind of history about a parent or caregiver brings a case to panel by itself (SUP-3, LIN-2). */
export const ParentalHistoryKind = Schema.Literal("criminal_conviction", "care_proceedings")
export type ParentalHistoryKind = typeof ParentalHistoryKind.Type

/**
 * One recorded fact about a parent or caregiver, with its date: a criminal conviction, or care proceedings about
 * any connected child (including the removal of earlier children) by any local authority.
 */
export const ParentalHistoryEntry = Schema.Struct({
  parent: Schema.NonEmptyTrimmedString,
  kind: ParentalHistoryKind,
  date: LocalDate,
  detail: Schema.NonEmptyTrimmedString
})
export type ParentalHistoryEntry = typeof ParentalHistoryEntry.Type

/** NSO-4: the outcome of the last child in care, child in need or child protection review. */
export const ReviewOutcome = Schema.Struct({ date: LocalDate, outcome: Schema.NonEmptyTrimmedString })
export type ReviewOutcome = typeof ReviewOutcome.Type
