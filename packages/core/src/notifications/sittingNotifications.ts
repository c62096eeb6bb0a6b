import { formatDate } from "../calendar/format.js"
import { londonTimeOf } from "../calendar/londonTime.js"
import { sittingClocks } from "../deadlines/sittingClocks.js"
import type { Notification } from "../ports/Notification.js"
import type { Role } from "../shared/roles.js"
import type { Sitting, SittingState } from "../sitting/Sitting.js"
import type { SittingEvent } from "../sitting/SittingEvents.js"
import { actByClock, addressTo, clockNamed, factsOf, iso, roleHolder } from "./address.js"
import type { NotificationContext } from "./CaseContext.js"

const chairRoleOf = (sitting: Sitting, context: NotificationContext): Role =>
  context.policy.panels.find((panel) => panel.id === sitting.panelId)?.chair.role ?? "panel_chair"

const panelName = (sitting: Sitting, context: NotificationContext) =>
  context.policy.panels.find((panel) => panel.id === sitting.panelId)?.name ?? `panel ${sitting.panelId}`

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
    return spec === undefined ? undefined : actByClock(spec, context.calendar)
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
              headline: `Agenda and papers for the ${panelName(sitting, context)} on ${formatDate(sitting.date)}`,
              body: [
                `The ${panelName(sitting, context)} sits on ${when(sitting)}.`,
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
              headline: `The ${panelName(sitting, context)} on ${formatDate(sitting.date)} is cancelled`,
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
              headline: `Draft record of the ${panelName(sitting, context)} on ${formatDate(sitting.date)} is ready for the chair`,
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
        const uploads = clocks.filter((spec) => spec.id.startsWith(`${sitting.id}:upload:`)).map((spec) => actByClock(spec, context.calendar))
        notifications.push(
          ...addressTo(
            sitting.authorityId,
            {
              id: `${sitting.id}:record-final:${iso(event.at)}`,
              kind: "sitting.final_record_returned",
              headline: `Final record of the ${panelName(sitting, context)} on ${formatDate(sitting.date)} is back from the chair`,
              body: [`Upload each child's record to the case system: ${uploads.length} child record${uploads.length === 1 ? "" : "s"}.`],
              actBy: uploads[0],
              facts: factsOf(sittingFacts(sitting))
            },
            [roleHolder("panel_administrator")]
          )
        )
        break
      }
      default:
        break
    }
  }
  return notifications
}
