import { DateTime, Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { PanelPolicy } from "../policy/PanelPolicy.js"
import type { AgendaEntry } from "./SittingCommands.js"
import { AgendaFull } from "./SittingErrors.js"
import type { AgendaItem } from "./SittingEvents.js"

/**
 * Lays entries end to end from the start of the sitting (CPR-2): the longest slot the policy allows that
 * still fits every child inside the sitting's hours, never shorter than its minimum.
 */
export const planSlots = (
  entries: ReadonlyArray<AgendaEntry>,
  window: { readonly startsAt: DateTime.Utc; readonly endsAt: DateTime.Utc },
  slots: PanelPolicy["slotMinutes"],
  policy: CitingPolicy
): Effect.Effect<ReadonlyArray<AgendaItem>, AgendaFull> => {
  const available = Math.floor(DateTime.distance(window.startsAt, window.endsAt) / 60_000)
  const capacity = Math.floor(available / slots.min)
  if (entries.length > capacity) {
    return Effect.fail(
      new AgendaFull({
        ruleId: slots.ruleId,
        capacity,
        requested: entries.length,
        message:
          `Only ${capacity} ${capacity === 1 ? "child fits" : "children fit"} in this sitting at ${slots.min} minutes each ` +
          `(${citation(slots.ruleId, policy)}); ${entries.length} were asked for. Move some to the next sitting.`
      })
    )
  }
  const minutes = entries.length === 0 ? slots.max : Math.min(slots.max, Math.floor(available / entries.length))
  return Effect.succeed(
    entries.map((entry, index) => ({
      referralId: entry.referralId,
      childIds: [...entry.childIds],
      kind: entry.kind,
      summary: entry.summary,
      startsAt: DateTime.add(window.startsAt, { minutes: index * minutes }),
      endsAt: DateTime.add(window.startsAt, { minutes: (index + 1) * minutes })
    }))
  )
}
