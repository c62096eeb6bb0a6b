import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"

const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

/** STAT-S31: care proceedings finish within 26 weeks of issue ... */
export const proceedingsWeeks = 26
/** ... unless the court extends, by at most 8 weeks at a time. */
export const maxProceedingsExtensionWeeks = 8
/** STAT-PLO: pre-proceedings are expected to last no more than 16 weeks from the letter (guidance: a warning only). */
export const preProceedingsWeeks = 16
/** The most weeks one review continues pre-proceedings for: as long as pre-proceedings are expected to last at all. */
export const maxContinuationWeeks = preProceedingsWeeks

/**
 * Pre-proceedings under the Public Law Outline (STAT-PLO) from the letter before proceedings, and care proceedings
 * (STAT-S31) from their issue, with the court's extensions one at a time.
 */
export const Proceedings = Schema.Struct({
  /** Entry to pre-proceedings: the letter before proceedings sent to the parents. */
  letterSentAt: Schema.optional(Schema.DateTimeUtc),
  /** STAT-PLO: each review that decided, with reasons, that pre-proceedings go on for so many more weeks. */
  continuations: Schema.optional(
    Schema.Array(Schema.Struct({ reviewedAt: Schema.DateTimeUtc, weeks: Schema.Int, reasons: Schema.String, ...recorded }))
  ),
  /** Pre-proceedings ended without proceedings (e.g. stepped down). */
  preProceedingsEndedAt: Schema.optional(Schema.DateTimeUtc),
  issuedAt: Schema.optional(Schema.DateTimeUtc),
  /** Each from the timetable's end before it, made by the court at `extendedAt` (absent in older records: `at`). */
  extensions: Schema.Array(
    Schema.Struct({ weeks: Schema.Int, from: Schema.DateTimeUtc, endsAt: Schema.DateTimeUtc, extendedAt: Schema.optional(Schema.DateTimeUtc), ...recorded })
  ),
  concludedAt: Schema.optional(Schema.DateTimeUtc)
})
export type Proceedings = typeof Proceedings.Type

export const noProceedings: Proceedings = { extensions: [] }
