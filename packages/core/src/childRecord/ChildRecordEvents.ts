import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, ChildId } from "../shared/ids.js"
import { LocalDate } from "../calendar/LocalDate.js"
import { EpoOutcome } from "./EmergencyProtectionOrder.js"
import { LegalStatusCode } from "./LegalStatus.js"
import { LookedAfterRoute } from "./LookedAfter.js"
import { WithdrawableEntry } from "./WithdrawableEntry.js"

/** Every event names who caused it and when: the log is the audit trail. */
const audit = { by: ActedBy, at: Schema.DateTimeUtc }

/** The first event of every child's record, written with the first thing recorded about the child. */
export const ChildRecordOpened = Schema.TaggedStruct("ChildRecordOpened", { childId: ChildId, authorityId: AuthorityId, ...audit })

/** STAT-S44: the court made an emergency protection order at `madeAt` for `days` days, ending at `endsAt`. */
export const EmergencyProtectionOrderMade = Schema.TaggedStruct("EmergencyProtectionOrderMade", {
  orderId: Schema.String,
  madeAt: Schema.DateTimeUtc,
  days: Schema.Int,
  endsAt: Schema.DateTimeUtc,
  ...audit
})
/**
 * STAT-S44: the court extended the order once, at `extendedAt`, by `days` from its first end `from`, to `endsAt`.
 * Events written before `extendedAt` was kept were recorded when the court extended: their `at`.
 */
export const EmergencyProtectionOrderExtended = Schema.TaggedStruct("EmergencyProtectionOrderExtended", {
  orderId: Schema.String,
  days: Schema.Int,
  from: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  extendedAt: Schema.optional(Schema.DateTimeUtc),
  ...audit
})
/** STAT-S44: how and when the order came to an end; meets the clock to its end. */
export const EmergencyProtectionOrderEnded = Schema.TaggedStruct("EmergencyProtectionOrderEnded", {
  orderId: Schema.String,
  outcome: EpoOutcome,
  endedAt: Schema.DateTimeUtc,
  ...audit
})

/** The child's date of birth (for STAT-S25's under-13 test). */
export const DateOfBirthRecorded = Schema.TaggedStruct("DateOfBirthRecorded", { dateOfBirth: LocalDate, ...audit })
/** STAT-S25: a period in secure accommodation began at `startedAt` (and ended at `endedAt`, if it has). */
export const SecureAccommodationStarted = Schema.TaggedStruct("SecureAccommodationStarted", {
  periodId: Schema.String,
  startedAt: Schema.DateTimeUtc,
  endedAt: Schema.optional(Schema.DateTimeUtc),
  ...audit
})
/** STAT-S25: the open period ended at `endedAt`. */
export const SecureAccommodationEnded = Schema.TaggedStruct("SecureAccommodationEnded", { periodId: Schema.String, endedAt: Schema.DateTimeUtc, ...audit })
/** STAT-S25: a court authorised secure accommodation from `from` until `until` (an s25 order). */
export const SecureAccommodationAuthorisedByCourt = Schema.TaggedStruct("SecureAccommodationAuthorisedByCourt", {
  from: Schema.DateTimeUtc,
  until: Schema.DateTimeUtc,
  ...audit
})
/** STAT-S25 (reg 4): the Secretary of State approved secure accommodation for a child under 13. */
export const SecretaryOfStateApprovalRecorded = Schema.TaggedStruct("SecretaryOfStateApprovalRecorded", { approvedAt: Schema.DateTimeUtc, ...audit })

/** STAT-R50: the child died on `diedOn`. */
export const ChildDeathRecorded = Schema.TaggedStruct("ChildDeathRecorded", { diedOn: LocalDate, ...audit })
/** STAT-PLO: entry to pre-proceedings, the letter before proceedings sent at `sentAt`. */
export const LetterBeforeProceedingsSent = Schema.TaggedStruct("LetterBeforeProceedingsSent", { sentAt: Schema.DateTimeUtc, ...audit })
/** STAT-PLO: a review at `reviewedAt` continued pre-proceedings for `weeks` more, with its reasons. */
export const PreProceedingsContinued = Schema.TaggedStruct("PreProceedingsContinued", {
  reviewedAt: Schema.DateTimeUtc,
  weeks: Schema.Int,
  reasons: Schema.NonEmptyTrimmedString,
  ...audit
})
/** STAT-PLO: pre-proceedings ended at `endedAt` without proceedings. */
export const PreProceedingsEnded = Schema.TaggedStruct("PreProceedingsEnded", { endedAt: Schema.DateTimeUtc, ...audit })
/** STAT-S31: care proceedings issued at `issuedAt`. */
export const ProceedingsIssued = Schema.TaggedStruct("ProceedingsIssued", { issuedAt: Schema.DateTimeUtc, ...audit })
/** STAT-S31: the court extended the timetable at `extendedAt` (absent in older events: their `at`) by `weeks` from `from` to `endsAt`. */
export const ProceedingsExtended = Schema.TaggedStruct("ProceedingsExtended", {
  weeks: Schema.Int,
  from: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  extendedAt: Schema.optional(Schema.DateTimeUtc),
  ...audit
})
/** STAT-S31: the proceedings concluded at `concludedAt`. */
export const ProceedingsConcluded = Schema.TaggedStruct("ProceedingsConcluded", { concludedAt: Schema.DateTimeUtc, ...audit })

/**
 * The child's SSDA903 legal status is `code` from `from`. `movesStartOf` names the open period of being looked after
 * that began later: it now begins at `from`, by this status (STAT-R33 counts from then). Absent in older events.
 */
export const LegalStatusChanged = Schema.TaggedStruct("LegalStatusChanged", {
  code: LegalStatusCode,
  from: Schema.DateTimeUtc,
  movesStartOf: Schema.optional(Schema.String),
  ...audit
})
/** The child became looked after at `from` (STAT-R33 counts from it), by `route`; a child already looked after never gets a second. */
export const BecameLookedAfter = Schema.TaggedStruct("BecameLookedAfter", {
  periodId: Schema.String,
  route: LookedAfterRoute,
  from: Schema.DateTimeUtc,
  code: Schema.optional(LegalStatusCode),
  placementId: Schema.optional(Schema.String),
  ...audit
})
/** The child ceased to be looked after at `endedAt`, for `reason`. */
export const LookedAfterEnded = Schema.TaggedStruct("LookedAfterEnded", { periodId: Schema.String, endedAt: Schema.DateTimeUtc, reason: Schema.NonEmptyTrimmedString, ...audit })
/** STAT-R33: a looked-after review held at `heldAt`, chaired by the IRO `iroName`. */
export const LookedAfterReviewHeld = Schema.TaggedStruct("LookedAfterReviewHeld", {
  periodId: Schema.String,
  heldAt: Schema.DateTimeUtc,
  iroName: Schema.NonEmptyTrimmedString,
  ...audit
})

/**
 * A correction: `entry`, recorded at `recordedAt`, was a mistake (a death recorded against the wrong child, another
 * child's court order). Nothing is deleted: the entry stays in the log, and the record reads from now on as if it had
 * never been made, for the `reason` given.
 */
export const ChildRecordEntryWithdrawn = Schema.TaggedStruct("ChildRecordEntryWithdrawn", {
  entry: WithdrawableEntry,
  recordedAt: Schema.DateTimeUtc,
  reason: Schema.NonEmptyTrimmedString,
  ...audit
})
export type ChildRecordEntryWithdrawn = typeof ChildRecordEntryWithdrawn.Type

export const ChildRecordEvent = Schema.Union(
  ChildRecordOpened,
  EmergencyProtectionOrderMade,
  EmergencyProtectionOrderExtended,
  EmergencyProtectionOrderEnded,
  DateOfBirthRecorded,
  SecureAccommodationStarted,
  SecureAccommodationEnded,
  SecureAccommodationAuthorisedByCourt,
  SecretaryOfStateApprovalRecorded,
  LetterBeforeProceedingsSent,
  PreProceedingsContinued,
  PreProceedingsEnded,
  ProceedingsIssued,
  ProceedingsExtended,
  ProceedingsConcluded,
  ChildDeathRecorded,
  LegalStatusChanged,
  BecameLookedAfter,
  LookedAfterEnded,
  LookedAfterReviewHeld,
  ChildRecordEntryWithdrawn
)
export type ChildRecordEvent = typeof ChildRecordEvent.Type
