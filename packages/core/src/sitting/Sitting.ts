import { DateTime, Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, ChildId, PanelId, ReferralId, SittingId } from "../shared/ids.js"
import { AgendaItem, Attendance, FiledSheet } from "./SittingEvents.js"

/** The record's life after a sitting (CPR-11): drafted, with the chair, final, uploaded per child. */
export const RecordState = Schema.Struct({
  draftSentAt: Schema.optional(Schema.DateTimeUtc),
  finalAt: Schema.optional(Schema.DateTimeUtc),
  uploads: Schema.Array(Schema.Struct({ childId: ChildId, at: Schema.DateTimeUtc, sheet: Schema.optional(FiledSheet) }))
})
export type RecordState = typeof RecordState.Type

/** One person's attendance, with when the administrator recorded it (KNO-2: confirmations are due 3 days before). */
export const RecordedAttendance = Schema.Struct({ ...Attendance.fields, recordedAt: Schema.optional(Schema.DateTimeUtc) })
export type RecordedAttendance = typeof RecordedAttendance.Type

export const Sitting = Schema.Struct({
  id: SittingId,
  authorityId: AuthorityId,
  panelId: PanelId,
  date: LocalDate,
  startsAt: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  cancelled: Schema.optional(Schema.Struct({ reason: Schema.String, by: ActedBy })),
  agenda: Schema.Array(AgendaItem),
  agendaPublishedAt: Schema.optional(Schema.DateTimeUtc),
  /** When the papers for this agenda went to members: with the agenda, or after it. */
  papersSentAt: Schema.optional(Schema.DateTimeUtc),
  attendance: Schema.Array(RecordedAttendance),
  /** The chair's finding on numbers; `at` (absent on older records) is when attendance was settled. */
  /** `decided`: when too few members remained part-way, the requests decided before the chair said so (they stand). */
  quorum: Schema.optional(
    Schema.Struct({ enough: Schema.Boolean, note: Schema.String, by: ActedBy, at: Schema.optional(Schema.DateTimeUtc), decided: Schema.optional(Schema.Array(ReferralId)) })
  ),
  record: RecordState
})
export type Sitting = typeof Sitting.Type
export type SittingState = Sitting | undefined

/** A sitting's agenda can change until the sitting starts: rebuilt, or a request accepted onto it. */
export const agendaOpenAt = (sitting: { readonly startsAt: DateTime.Utc }, at: DateTime.Utc): boolean =>
  DateTime.lessThan(at, sitting.startsAt)

/** Before the sitting's day in London: no one can be present at it yet (members are signed in as they arrive on the day). */
export const beforeSittingDay = (sitting: { readonly date: LocalDate }, at: DateTime.Utc): boolean => londonDateOf(at) < sitting.date

/** Children on the agenda, each once. */
export const childrenOnAgenda = (sitting: Sitting): ReadonlyArray<ChildId> => [
  ...new Set(sitting.agenda.flatMap((item) => item.childIds))
]

/**
 * The chair found too few members present at the sitting (NSO-1): it decides nothing more, and its requests not yet
 * decided go elsewhere. Those decided before the chair said so (`quorum.decided`) stand.
 */
export const decidesNothing = <S extends { readonly quorum?: { readonly enough: boolean } | undefined }>(sitting: S): sitting is S & { readonly quorum: NonNullable<S["quorum"]> } =>
  sitting.quorum?.enough === false

/**
 * Children whose record of the sitting is uploaded to their file (CPR-11): everyone on the agenda of a sitting that
 * proceeded. One the chair found too few members for (NSO-1) heard no child, except those decided before members left
 * part-way (`quorum.decided`): theirs are uploaded.
 */
export const childrenToUpload = (sitting: Sitting): ReadonlyArray<ChildId> => {
  if (!decidesNothing(sitting)) return childrenOnAgenda(sitting)
  const decided = new Set<string>(sitting.quorum.decided ?? [])
  return [...new Set(sitting.agenda.filter((item) => decided.has(item.referralId)).flatMap((item) => item.childIds))]
}
