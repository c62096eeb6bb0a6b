import type { DateTime } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { TimeOfDay } from "../calendar/londonTime.js"
import type { Membership } from "../policy/PanelPolicy.js"
import type { Authorised } from "../shared/authorise.js"
import type { ChildId, PanelId, PersonId, ReferralId, SittingId } from "../shared/ids.js"
import type { AttendanceStatus, FiledSheet } from "./SittingEvents.js"

interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** A request or review to place on the agenda; the decider gives it a time slot. */
export interface AgendaEntry {
  readonly referralId: ReferralId
  readonly childIds: ReadonlyArray<ChildId>
  readonly kind: "request" | "review" | "retrospective"
  readonly summary: string
}

export interface AttendanceEntry {
  readonly personId: PersonId
  readonly name: string
  readonly seat: string
  readonly membership: Membership
  readonly status: AttendanceStatus
  /** A deputy's member as a name: needed when the member is not on the sitting's attendance. */
  readonly standsInFor?: string
  /** A deputy's member by person (KNO-2, CPR-3): the member on the attendance, or one Carepanel knows. */
  readonly standsInForPersonId?: PersonId
  /** A member present: the members away on the sitting's attendance they also represent (KNO-2). */
  readonly represents?: ReadonlyArray<PersonId>
  /** KNO-2: an observer attends with the chair's agreement. */
  readonly chairAgreed?: boolean
}

/** London wall-clock hours of one sitting. */
export interface SittingHours {
  readonly start: TimeOfDay
  readonly end: TimeOfDay
}

export type SittingCommand =
  | (Base & {
      readonly _tag: "ScheduleSitting"
      readonly sittingId: SittingId
      readonly panelId: PanelId
      readonly date: LocalDate
      /** An extra sitting at other hours (an urgent panel); the panel's own hours otherwise. */
      readonly hours?: SittingHours
    })
  | (Base & { readonly _tag: "CancelSitting"; readonly reason: string })
  | (Base & { readonly _tag: "BuildAgenda"; readonly entries: ReadonlyArray<AgendaEntry> })
  /** The agenda to members, with the papers unless `papersToFollow` (the policy may time them apart). */
  | (Base & { readonly _tag: "PublishAgenda"; readonly papersToFollow?: boolean })
  | (Base & { readonly _tag: "SendPapers" })
  | (Base & { readonly _tag: "RecordAttendance"; readonly entry: AttendanceEntry })
  /** `decided`: the requests already decided at the sitting, read by the use case when the chair finds too few members. */
  | (Base & { readonly _tag: "ConfirmQuorum"; readonly enough: boolean; readonly note: string; readonly decided?: ReadonlyArray<ReferralId> })
  | (Base & { readonly _tag: "SendDraftRecordToChair" })
  | (Base & { readonly _tag: "ReturnFinalRecord" })
  | (Base & { readonly _tag: "RecordChildUploaded"; readonly childId: ChildId; readonly referralId: ReferralId; readonly sheet?: FiledSheet })
