import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import { Membership } from "../policy/PanelPolicy.js"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, ChildId, DecisionId, PanelId, PersonId, ReferralId, SittingId } from "../shared/ids.js"

const audit = { by: ActedBy, at: Schema.DateTimeUtc }

export const AgendaItemKind = Schema.Literal("request", "review", "retrospective")

/** One slot on the agenda: a request, a review brought back (CPR-10), or a decision made outside panel. */
export const AgendaItem = Schema.Struct({
  referralId: ReferralId,
  childIds: Schema.Array(ChildId),
  kind: AgendaItemKind,
  /** What the panel is asked, without the child's name (agendas travel by email). */
  summary: Schema.String,
  startsAt: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc
})
export type AgendaItem = typeof AgendaItem.Type

export const AttendanceStatus = Schema.Literal("present", "apologies", "deputy", "observer", "confirmed")
export type AttendanceStatus = typeof AttendanceStatus.Type

export const Attendance = Schema.Struct({
  personId: PersonId,
  name: Schema.String,
  seat: Schema.String,
  membership: Membership,
  status: AttendanceStatus,
  /**
   * For "deputy": the member they stand in for (KNO-2, CPR-3), as a name. Alone on older records, and for a member
   * Carepanel does not know (an outside agency's seat); beside `standsInForPersonId`, the name given when recorded.
   */
  standsInFor: Schema.optional(Schema.String),
  /** For "deputy": the member they stand in for, by person: the link quorum and the minutes follow when present. */
  standsInForPersonId: Schema.optional(PersonId),
  /**
   * For "present": the members away they also represent (KNO-2: an absent member names another member to represent
   * them), each by person on the sitting's attendance. A seat represented is not filled: one person is one member.
   */
  represents: Schema.optional(Schema.Array(PersonId)),
  /** A non-standing member's confirmation after the KNO-2 deadline. */
  confirmedLate: Schema.optional(Schema.Boolean)
})
export type Attendance = typeof Attendance.Type

export const SittingScheduled = Schema.TaggedStruct("SittingScheduled", {
  sittingId: SittingId,
  authorityId: AuthorityId,
  panelId: PanelId,
  date: LocalDate,
  startsAt: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  ...audit
})
export const SittingCancelled = Schema.TaggedStruct("SittingCancelled", { reason: Schema.String, ...audit })
export const AgendaBuilt = Schema.TaggedStruct("AgendaBuilt", { items: Schema.Array(AgendaItem), ...audit })
/** The agenda went to members; with the papers unless they follow later (`PapersSent`). */
export const AgendaPublished = Schema.TaggedStruct("AgendaPublished", {
  withPapers: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  ...audit
})
export const PapersSent = Schema.TaggedStruct("PapersSent", { ...audit })
export const AttendanceRecorded = Schema.TaggedStruct("AttendanceRecorded", { attendance: Attendance, ...audit })
export const QuorumConfirmed = Schema.TaggedStruct("QuorumConfirmed", {
  enough: Schema.Boolean,
  note: Schema.String,
  /**
   * Too few members part-way through (NSO-1): the requests decided before the chair said so. Their decisions stand
   * (CPR-11: their children's records are uploaded); the rest were not heard. Absent: none was decided.
   */
  decided: Schema.optional(Schema.Array(ReferralId)),
  ...audit
})
export const DraftRecordSentToChair = Schema.TaggedStruct("DraftRecordSentToChair", { ...audit })
export const FinalRecordReturned = Schema.TaggedStruct("FinalRecordReturned", { ...audit })
/**
 * The decision sheet that went to the child's file with the upload: whose decision, the SHA-256 (hex) of the PDF
 * stored there, the instant it was made (its "prepared at"), and how many amendments it holds. Enough to make the
 * same sheet again, byte for byte, for the case system that fetches it.
 */
export const FiledSheet = Schema.Struct({
  decisionId: DecisionId,
  sha256: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)),
  generatedAt: Schema.DateTimeUtc,
  amendments: Schema.NonNegativeInt
})
export type FiledSheet = typeof FiledSheet.Type

export const ChildRecordUploaded = Schema.TaggedStruct("ChildRecordUploaded", {
  childId: ChildId,
  referralId: ReferralId,
  /** Absent when the upload was recorded without Carepanel making the sheet (the record uploaded by hand). */
  sheet: Schema.optional(FiledSheet),
  ...audit
})

export const SittingEvent = Schema.Union(
  SittingScheduled,
  SittingCancelled,
  AgendaBuilt,
  AgendaPublished,
  PapersSent,
  AttendanceRecorded,
  QuorumConfirmed,
  DraftRecordSentToChair,
  FinalRecordReturned,
  ChildRecordUploaded
)
export type SittingEvent = typeof SittingEvent.Type
