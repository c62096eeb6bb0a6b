import { DateTime } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { childrenToUpload, type Sitting } from "../sitting/Sitting.js"
import type { ClockSpec } from "./clock.js"

/** The panel's next live sitting after this one: CPR-11's hard stop for the record. */
const nextSitting = (sitting: Sitting, sittings: ReadonlyArray<Sitting>) =>
  sittings
    .filter(
      (other) =>
        other.panelId === sitting.panelId && other.cancelled === undefined && DateTime.greaterThan(other.startsAt, sitting.startsAt)
    )
    .sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))[0]

const latest = (instants: ReadonlyArray<DateTime.Utc | undefined>): DateTime.Utc | undefined =>
  instants.some((instant) => instant === undefined)
    ? undefined
    : instants.reduce<DateTime.Utc | undefined>((max, instant) => (max === undefined || DateTime.greaterThan(instant!, max) ? instant : max), undefined)

const earliest = (a: DateTime.Utc | undefined, b: DateTime.Utc | undefined) =>
  a === undefined ? b : b === undefined ? a : DateTime.min(a, b)

/**
 * Before a sitting: the agenda and the papers to members (CPR-9, NSO-3; an authority may time the agenda
 * apart from the papers), and non-standing members' answers on attendance (KNO-2), met once every
 * non-standing seat has told the administrator whether it comes, or the chair has settled attendance.
 */
const beforeSitting = (sitting: Sitting, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  const about = { kind: "sitting" as const, id: sitting.id }
  const on = formatDate(sitting.date)
  const anchored = { about, anchor: sitting.startsAt, anchorText: `the sitting on ${on}` }
  const { agendaToMembers, papersToMembers } = policy.sitting
  const clocks: ClockSpec[] = []
  if (agendaToMembers !== undefined) {
    clocks.push({ id: `${sitting.id}:agenda`, title: `Agenda to members for the sitting on ${on}`, rule: agendaToMembers, metAt: sitting.agendaPublishedAt, ...anchored })
  }
  if (papersToMembers !== undefined) {
    const what = agendaToMembers === undefined ? "Agenda and papers" : "Papers"
    clocks.push({ id: `${sitting.id}:papers`, title: `${what} to members for the sitting on ${on}`, rule: papersToMembers, metAt: sitting.papersSentAt, ...anchored })
  }
  const panel = policy.panels.find((candidate) => candidate.id === sitting.panelId)
  const seats = panel?.members.filter((member) => member.membership === "non_standing").map((member) => member.seat) ?? []
  if (panel?.attendanceConfirmation !== undefined && seats.length > 0) {
    const answers = seats.flatMap((seat) => sitting.attendance.filter((entry) => entry.seat === seat).slice(0, 1))
    clocks.push({
      id: `${sitting.id}:attendance-confirmations`,
      title: `Non-standing members tell the administrator whether they attend the sitting on ${on} (${answers.length} of ${seats.length} have)`,
      rule: panel.attendanceConfirmation,
      // Once the chair has settled who is there, a seat that never answered simply did not attend.
      metAt: earliest(answers.length === seats.length ? latest(answers.map((entry) => entry.recordedAt)) : undefined, sitting.quorum?.at),
      ...anchored
    })
  }
  return clocks
}

/**
 * The clocks of a sitting with business (requests accepted onto it, or an agenda; an empty future sitting
 * has none): before it (CPR-9, NSO-3, KNO-2) and the record's turnaround after it (CPR-11).
 */
export const sittingClocks = (
  sitting: Sitting,
  sittings: ReadonlyArray<Sitting>,
  policy: AuthorityPolicy,
  hasAcceptedRequests: boolean
): ReadonlyArray<ClockSpec> => {
  if (sitting.cancelled !== undefined || (sitting.agenda.length === 0 && !hasAcceptedRequests)) return []
  const about = { kind: "sitting" as const, id: sitting.id }
  const on = formatDate(sitting.date)
  const clocks: ClockSpec[] = [...beforeSitting(sitting, policy)]
  const record = policy.sitting.record
  if (record === undefined || sitting.agenda.length === 0) return clocks
  const next = record.beforeNextSitting ? nextSitting(sitting, sittings) : undefined
  const notAfter = next && { instant: next.startsAt, text: `the next sitting at ${formatInstant(next.startsAt)}` }
  clocks.push({
    id: `${sitting.id}:record-draft`,
    about,
    title: `Draft record of the sitting on ${on} to the chair`,
    rule: record.draftToChair,
    anchor: sitting.endsAt,
    anchorText: `the end of the sitting on ${on}`,
    metAt: sitting.record.draftSentAt,
    notAfter
  })
  const { draftSentAt, finalAt } = sitting.record
  if (draftSentAt !== undefined) {
    clocks.push({
      id: `${sitting.id}:record-final`,
      about,
      title: `Final record of the sitting on ${on} back from the chair`,
      rule: record.finalFromChair,
      anchor: draftSentAt,
      anchorText: `the draft reaching the chair at ${formatInstant(draftSentAt)}`,
      metAt: finalAt,
      notAfter
    })
  }
  if (finalAt !== undefined) {
    for (const childId of childrenToUpload(sitting)) {
      clocks.push({
        id: `${sitting.id}:upload:${childId}`,
        about,
        title: `Record of the sitting on ${on} uploaded to child ${childId}'s file`,
        rule: record.uploadEachChild,
        anchor: finalAt,
        anchorText: `the final record at ${formatInstant(finalAt)}`,
        metAt: sitting.record.uploads.find((upload) => upload.childId === childId)?.at,
        notAfter
      })
    }
  }
  return clocks
}
