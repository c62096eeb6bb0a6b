import { DateTime, Schema } from "effect"
import { londonTimeOf } from "../calendar/londonTime.js"
import { coverOf } from "../sitting/cover.js"
import { representedMembers } from "../sitting/representatives.js"
import { childrenOnAgenda } from "../sitting/Sitting.js"
import { ClockRow, clockRow } from "./clockRows.js"
import { DisagreementRow, disagreementRow } from "./disagreementRows.js"
import { joined, type ReportInputs } from "./ReportInputs.js"
import { median } from "./stats.js"
import { elapsed, isMade, timelines } from "./timeline.js"

const maybe = <A>(schema: Schema.Schema<A>) => Schema.UndefinedOr(schema)

/** One slot on the agenda and what became of it. */
export const SittingItemRow = Schema.Struct({
  slot: Schema.String,
  referralId: Schema.String,
  kind: Schema.String,
  childIds: Schema.String,
  requestTypes: Schema.String,
  /** Whether the request came in late with permission (CPR-4); known for the sitting it was last accepted onto. */
  acceptedLate: maybe(Schema.Boolean),
  decisionId: maybe(Schema.String),
  outcome: maybe(Schema.String),
  decisionStatus: maybe(Schema.String),
  /** Deferrals of the request up to and including this sitting: two or more is drift. */
  deferralsToDate: Schema.Int,
  repeatDeferral: Schema.Boolean,
  calendarDaysFromRequest: maybe(Schema.Number),
  workingDaysFromRequest: maybe(Schema.Number),
  actions: Schema.Int,
  disagreements: Schema.Int
})
export type SittingItemRow = typeof SittingItemRow.Type

/** An action the sitting's decisions set (CPR-8, LIN-5, LIN-6): owner, due date, progress and clock. */
export const SittingActionRow = Schema.Struct({
  decisionId: Schema.String,
  referralId: Schema.String,
  actionId: Schema.String,
  ownerRole: Schema.String,
  dueDate: Schema.String,
  fgcReferral: Schema.Boolean,
  progress: Schema.String,
  clockState: maybe(Schema.String),
  metLate: Schema.Boolean
})
export type SittingActionRow = typeof SittingActionRow.Type

export const SittingSummary = Schema.Struct({
  sittingId: Schema.String,
  panelId: Schema.String,
  date: Schema.String,
  cancelled: Schema.Boolean,
  items: Schema.Int,
  children: Schema.Int,
  agendaPublishedAt: maybe(Schema.String),
  /** Members recorded present at the sitting (as the quorum counts them). */
  present: Schema.Int,
  /**
   * Members who confirmed in advance and were not then recorded present, nor covered by a deputy or a representative:
   * before the sitting, who is expected; after it, whose attendance was not taken.
   */
  confirmed: Schema.Int,
  apologies: Schema.Int,
  deputies: Schema.Int,
  /** Members away whom a member present represents (KNO-2): not present, and their seats not filled towards a quorum. */
  represented: Schema.Int,
  observers: Schema.Int,
  quorumEnough: maybe(Schema.Boolean),
  approved: Schema.Int,
  declined: Schema.Int,
  deferred: Schema.Int,
  undecided: Schema.Int,
  repeatDeferrals: Schema.Int,
  lateItems: Schema.Int,
  medianCalendarDaysFromRequest: maybe(Schema.Number),
  medianWorkingDaysFromRequest: maybe(Schema.Number),
  actions: Schema.Int,
  actionsMissed: Schema.Int,
  disagreements: Schema.Int,
  draftRecordAt: maybe(Schema.String),
  finalRecordAt: maybe(Schema.String),
  recordsUploaded: Schema.Int
})
export type SittingSummary = typeof SittingSummary.Type

export const SittingReport = Schema.Struct({
  summary: SittingSummary,
  items: Schema.Array(SittingItemRow),
  actions: Schema.Array(SittingActionRow),
  disagreements: Schema.Array(DisagreementRow),
  /** The sitting's own clocks: papers (CPR-9, NSO-3) and the record (CPR-11). */
  clocks: Schema.Array(ClockRow)
})
export type SittingReport = typeof SittingReport.Type

const isoOf = (instant: DateTime.Utc | undefined) => (instant === undefined ? undefined : DateTime.formatIso(instant))

/** The read model of one sitting: its agenda, outcomes, time from request, deferrals, actions, disagreements, clocks. */
export const sittingReport = (sittingId: string, inputs: ReportInputs): SittingReport | undefined => {
  const sitting = inputs.sittings.find((candidate) => candidate.id === sittingId)
  if (sitting === undefined) return undefined
  const decisions = inputs.decisions.filter((decision) => decision.sittingId === sitting.id)
  const decisionOf = (referralId: string) => decisions.find((decision) => decision.subject.referralId === referralId)
  const history = new Map(timelines(inputs.referrals, inputs.decisions, inputs.calendar).map((timeline) => [timeline.referral.id as string, timeline]))
  const disagreements = inputs.disagreements.filter((disagreement) => disagreement.sittingId === sitting.id)
  const clockOf = (id: string) => inputs.deadlines.find((deadline) => deadline.id === id)

  const items: ReadonlyArray<SittingItemRow> = sitting.agenda.map((item) => {
    const decision = decisionOf(item.referralId)
    const timeline = history.get(item.referralId)
    const heardBy = decision?.heardAt
    const deferralsToDate =
      timeline === undefined || heardBy === undefined
        ? (timeline?.deferrals ?? 0)
        : timeline.hearings.filter((hearing) => hearing.outcome === "defer" && !DateTime.greaterThan(hearing.at, heardBy)).length
    const days = decision === undefined ? undefined : elapsed(timeline?.referral.submittedAt, decision.heardAt, inputs.calendar)
    return {
      slot: `${londonTimeOf(item.startsAt)}-${londonTimeOf(item.endsAt)}`,
      referralId: item.referralId,
      kind: item.kind,
      childIds: joined(item.childIds),
      requestTypes: joined(timeline?.referral.form.requestTypes ?? decision?.subject.requestTypes ?? []),
      acceptedLate: timeline?.referral.sittingId === sitting.id ? timeline.referral.acceptedLate : undefined,
      decisionId: decision?.id,
      outcome: decision === undefined || !isMade(decision) ? undefined : decision.content.outcome,
      decisionStatus: decision?.status,
      deferralsToDate,
      repeatDeferral: deferralsToDate >= 2,
      calendarDaysFromRequest: days?.calendarDays,
      workingDaysFromRequest: days?.workingDays,
      actions: decision?.content.actions.length ?? 0,
      disagreements: disagreements.filter((disagreement) => disagreement.referralId === item.referralId).length
    }
  })

  const actions: ReadonlyArray<SittingActionRow> = decisions.flatMap((decision) =>
    decision.content.actions.map((action) => {
      const clock = clockOf(`${decision.id}:action:${action.actionId}`)
      return {
        decisionId: decision.id,
        referralId: decision.subject.referralId,
        actionId: action.actionId,
        ownerRole: action.ownerRole,
        dueDate: action.dueDate,
        fgcReferral: action.fgcReferral,
        progress: action.progress._tag,
        clockState: clock?.state,
        metLate: clock?.metLate === true
      }
    })
  )

  const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length
  const attendance = (status: string) => sitting.attendance.filter((entry) => entry.status === status).length
  // A member who confirmed in advance but has a deputy or a representative is away, whatever they said before.
  const confirmedUncovered = sitting.attendance.filter((entry) => entry.status === "confirmed" && coverOf(entry.personId, sitting.attendance, entry.personId) === undefined).length
  return {
    summary: {
      sittingId: sitting.id,
      panelId: sitting.panelId,
      date: sitting.date,
      cancelled: sitting.cancelled !== undefined,
      items: items.length,
      children: childrenOnAgenda(sitting).length,
      agendaPublishedAt: isoOf(sitting.agendaPublishedAt),
      present: attendance("present"),
      confirmed: confirmedUncovered,
      apologies: attendance("apologies"),
      deputies: attendance("deputy"),
      represented: representedMembers(sitting.attendance).length,
      observers: attendance("observer"),
      quorumEnough: sitting.quorum?.enough,
      approved: count("approve"),
      declined: count("decline"),
      deferred: count("defer"),
      undecided: items.filter((item) => item.outcome === undefined).length,
      repeatDeferrals: items.filter((item) => item.repeatDeferral && item.outcome === "defer").length,
      lateItems: items.filter((item) => item.acceptedLate === true).length,
      medianCalendarDaysFromRequest: median(items.flatMap((item) => item.calendarDaysFromRequest ?? [])),
      medianWorkingDaysFromRequest: median(items.flatMap((item) => item.workingDaysFromRequest ?? [])),
      actions: actions.length,
      actionsMissed: actions.filter((action) => action.clockState === "overdue" || action.metLate).length,
      disagreements: disagreements.length,
      draftRecordAt: isoOf(sitting.record.draftSentAt),
      finalRecordAt: isoOf(sitting.record.finalAt),
      // Children whose record is on their file: an amended sheet filed again is the same child's.
      recordsUploaded: new Set(sitting.record.uploads.map((upload) => upload.childId)).size
    },
    items,
    actions,
    disagreements: disagreements.map((disagreement) => disagreementRow(disagreement, inputs.deadlines)),
    clocks: inputs.deadlines.filter((deadline) => deadline.about.kind === "sitting" && deadline.about.id === sitting.id).map((deadline) => clockRow(deadline, inputs.policy))
  }
}
