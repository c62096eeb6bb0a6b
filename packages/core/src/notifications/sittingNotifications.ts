import { DateTime } from "effect"
import { headlineCitation } from "../policy/citation.js"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonTimeOf } from "../calendar/londonTime.js"
import { sittingClocks } from "../deadlines/sittingClocks.js"
import type { Notification } from "../ports/Notification.js"
import type { Role } from "../shared/roles.js"
import { childrenToUpload, decidesNothing, type Sitting, type SittingState } from "../sitting/Sitting.js"
import type { FiledSheet, SittingEvent } from "../sitting/SittingEvents.js"
import { actByClock, addressTo, clockNamed, factsOf, iso, roleHolder, socialWorkerOf, teamManagerOf } from "./address.js"
import type { NotificationContext } from "./CaseContext.js"
import { capitalised, panelName, sittingName } from "./recordName.js"

const chairRoleOf = (sitting: Sitting, context: NotificationContext): Role =>
  context.policy.panels.find((panel) => panel.id === sitting.panelId)?.chair.role ?? "panel_chair"

const when = (sitting: Sitting) => `${formatDate(sitting.date)}, ${londonTimeOf(sitting.startsAt)}-${londonTimeOf(sitting.endsAt)}`

/** The agenda by slot: times, kinds and request ids. Summaries stay in Carepanel with the papers. */
const agendaLines = (sitting: Sitting): ReadonlyArray<string> =>
  sitting.agenda.map(
    (item) =>
      `${londonTimeOf(item.startsAt)}-${londonTimeOf(item.endsAt)} ${item.kind} ${item.referralId} (child ids ${item.childIds.join(", ") || "none"})`
  )

const sittingFacts = (sitting: Sitting) => ({
  sittingId: sitting.id,
  panelId: sitting.panelId,
  date: sitting.date,
  startsAt: iso(sitting.startsAt),
  items: sitting.agenda.length
})

/**
 * Who must act after a sitting's commit: members and the chair when the agenda and papers go out, with the
 * papers clock (CPR-9, NSO-3); the same people when a sitting whose papers they hold is cancelled; the chair when
 * the draft record reaches them, and the administrator when the final record is back (CPR-11). A rebuilt agenda
 * published again goes out again (the id carries the publication instant). Matches `Aggregate.notifications`.
 */
export const sittingNotifications = (
  events: ReadonlyArray<SittingEvent>,
  state: SittingState,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  if (state === undefined) return []
  const sitting = state
  const chair = chairRoleOf(sitting, context)
  const clocks = sittingClocks(sitting, [sitting], context.policy, true)
  const actBy = (suffix: string) => {
    const spec = clockNamed(clocks, `${sitting.id}:${suffix}`)
    return spec === undefined ? undefined : actByClock(spec, context)
  }
  const members = [roleHolder("panel_member"), roleHolder(chair)]
  const notifications: Notification[] = []
  for (const event of events) {
    switch (event._tag) {
      case "AgendaPublished":
        notifications.push(
          ...addressTo(
            sitting.authorityId,
            {
              id: `${sitting.id}:agenda:${iso(event.at)}`,
              kind: "sitting.agenda_published",
              headline: `Agenda and papers for ${sittingName(context.policy, sitting)}`,
              body: [
                `The ${panelName(context.policy, sitting.panelId)} sits on ${when(sitting)}.`,
                `${sitting.agenda.length} item${sitting.agenda.length === 1 ? "" : "s"}:`,
                ...agendaLines(sitting),
                "The request forms and earlier records are in Carepanel: read them before the sitting."
              ],
              actBy: actBy("papers"),
              facts: factsOf({ ...sittingFacts(sitting), publishedAt: iso(event.at) })
            },
            members
          )
        )
        break
      case "SittingCancelled":
        if (sitting.agendaPublishedAt === undefined) break
        notifications.push(
          ...addressTo(
            sitting.authorityId,
            {
              id: `${sitting.id}:cancelled`,
              kind: "sitting.cancelled",
              headline: `${capitalised(sittingName(context.policy, sitting))} is cancelled`,
              body: [`The sitting on ${when(sitting)} will not take place. Cancelled by ${event.by.name}.`],
              facts: factsOf(sittingFacts(sitting))
            },
            members
          )
        )
        break
      case "DraftRecordSentToChair":
        notifications.push(
          ...addressTo(
            sitting.authorityId,
            {
              id: `${sitting.id}:record-draft:${iso(event.at)}`,
              kind: "sitting.draft_record_with_chair",
              headline: `Draft record of ${sittingName(context.policy, sitting)} is ready for the chair`,
              body: [
                "Check the draft record and return the final record.",
                ...(context.policy.sitting.record?.beforeNextSitting ? ["It must be final before the next sitting at the latest."] : [])
              ],
              actBy: actBy("record-final"),
              facts: factsOf(sittingFacts(sitting))
            },
            [roleHolder(chair)]
          )
        )
        break
      case "FinalRecordReturned": {
        // Counted from the agenda, not the upload clocks: a policy without record clocks (NSO) has children to upload too.
        const children = childrenToUpload(sitting).length
        const uploads = clocks.filter((spec) => spec.id.startsWith(`${sitting.id}:upload:`)).map((spec) => actByClock(spec, context))
        notifications.push(
          ...addressTo(
            sitting.authorityId,
            {
              id: `${sitting.id}:record-final:${iso(event.at)}`,
              kind: "sitting.final_record_returned",
              headline: `Final record of ${sittingName(context.policy, sitting)} is back from the chair`,
              body: [
                !decidesNothing(sitting)
                  ? `Upload each child's record to the case system: ${children} child record${children === 1 ? "" : "s"}.`
                  : children === 0
                    ? "Too few members were present: the sitting heard no child, so there is no child's record to upload."
                    : `Too few members remained part-way through: upload the record of each child decided before then to the case system: ${children} child record${children === 1 ? "" : "s"}.`
              ],
              actBy: uploads[0],
              facts: factsOf(sittingFacts(sitting))
            },
            [roleHolder("panel_administrator")]
          )
        )
        break
      }
      case "ChildRecordUploaded":
        if (event.sheet !== undefined) notifications.push(...sheetFiled(sitting, event, event.sheet, clocks, context))
        break
      default:
        break
    }
  }
  return notifications
}

/**
 * The decision sheet Carepanel made went to the child's file (CPR-11): one notice to the child's caseholder (the
 * social worker the request names, else the team managers) and, through the webhook channel, a document event to the
 * case system that sent the request, which fetches the PDF by the ids and checks it against `sha256`.
 */
const sheetFiled = (
  sitting: Sitting,
  event: Extract<SittingEvent, { _tag: "ChildRecordUploaded" }>,
  sheet: FiledSheet,
  clocks: ReturnType<typeof sittingClocks>,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  const ruleId = clockNamed(clocks, `${sitting.id}:upload:${event.childId}`)?.rule.ruleId
  const caseholder = socialWorkerOf(context.case)[0] ?? teamManagerOf(context.case)
  const filedBefore = sitting.record.uploads.filter((upload) => upload.childId === event.childId && DateTime.lessThan(upload.at, event.at)).length
  return addressTo(
    sitting.authorityId,
    {
      // An amended sheet filed again (the child's second upload or later) is news of its own.
      id: `${sitting.id}:sheet-filed:${event.childId}${filedBefore > 0 ? `:${filedBefore + 1}` : ""}`,
      kind: "decision.sheet_uploaded",
      headline: `The decision sheet for child ${event.childId} is on the child's file${ruleId === undefined ? "" : ` (${headlineCitation(ruleId)})`}`,
      body: [
        `The final decision sheet of decision ${sheet.decisionId} was made at ${formatInstant(sheet.generatedAt)} and recorded as uploaded to child ${event.childId}'s file by ${event.by.name} at ${formatInstant(event.at)}.`,
        `SHA-256 of the PDF: ${sheet.sha256}.`
      ],
      facts: factsOf({
        ...sittingFacts(sitting),
        decisionId: sheet.decisionId,
        referralId: event.referralId,
        childId: event.childId,
        stage: "final",
        amendments: sheet.amendments,
        sha256: sheet.sha256,
        mediaType: "application/pdf",
        generatedAt: iso(sheet.generatedAt),
        uploadedAt: iso(event.at),
        ruleId
      })
    },
    [{ key: "caseholder", recipient: caseholder.recipient }]
  )
}
