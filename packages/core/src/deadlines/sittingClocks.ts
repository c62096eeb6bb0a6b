import { DateTime } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { childrenOnAgenda, type Sitting } from "../sitting/Sitting.js"
import type { ClockSpec } from "./clock.js"

/** The panel's next live sitting after this one: CPR-11's hard stop for the record. */
const nextSitting = (sitting: Sitting, sittings: ReadonlyArray<Sitting>) =>
  sittings
    .filter(
      (other) =>
        other.panelId === sitting.panelId && other.cancelled === undefined && DateTime.greaterThan(other.startsAt, sitting.startsAt)
    )
    .sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))[0]

/**
 * Papers out before a sitting (NSO-3, CPR-9) and the record's turnaround after it (CPR-11). Only a sitting
 * with business has clocks: requests accepted onto it, or an agenda; an empty future sitting has none.
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
  const clocks: ClockSpec[] = []
  const papers = policy.sitting.papersToMembers
  if (papers !== undefined) {
    clocks.push({
      id: `${sitting.id}:papers`,
      about,
      title: `Agenda and papers to members for the sitting on ${on}`,
      rule: papers,
      anchor: sitting.startsAt,
      anchorText: `the sitting on ${on}`,
      metAt: sitting.agendaPublishedAt
    })
  }
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
    for (const childId of childrenOnAgenda(sitting)) {
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
