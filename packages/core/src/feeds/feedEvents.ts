import type { DateTime } from "effect"
import { londonTimeOf } from "../calendar/londonTime.js"
import type { Sitting } from "../sitting/Sitting.js"
import type { ChildNaming } from "../documents/DocumentReader.js"

/** One calendar event, in the core's terms; the app writes it as iCalendar. */
export interface FeedEvent {
  readonly uid: string
  readonly start: DateTime.Utc
  readonly end: DateTime.Utc
  readonly summary: string
  readonly description: string
  readonly cancelled: boolean
}

/**
 * A sitting as a calendar event: the panel in the title (never a child), the agenda in the description, each item
 * with its children named only for a reader who may see names, by id otherwise.
 */
export const sittingEvent = (sitting: Sitting, panelName: string, naming: ChildNaming): FeedEvent => ({
  uid: `${sitting.id}@carepanel`,
  start: sitting.startsAt,
  end: sitting.endsAt,
  summary: `${panelName} sitting${sitting.cancelled ? " (cancelled)" : ""}`,
  description:
    sitting.agenda.length === 0
      ? "No items on the agenda yet."
      : sitting.agenda
          .map((item) => `${londonTimeOf(item.startsAt)}-${londonTimeOf(item.endsAt)} ${naming.text(item.summary)} (${item.childIds.map(naming.label).join(", ")})`)
          .join("\n"),
  cancelled: sitting.cancelled !== undefined
})
