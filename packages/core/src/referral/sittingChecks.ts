import { type DateTime, Effect } from "effect"
import { formatDate } from "../calendar/format.js"
import { agendaOpenAt } from "../sitting/Sitting.js"
import type { Referral } from "./Referral.js"
import type { SittingFacts } from "./ReferralCommands.js"
import { WrongSitting } from "./ReferralErrors.js"

/**
 * The sitting can still take this request at `at`: it is a sitting of the request's panel, it is not
 * cancelled, and its agenda can still change (it has not started).
 */
export const sittingCanTake = (referral: Referral, sitting: SittingFacts, at: DateTime.Utc): Effect.Effect<void, WrongSitting> => {
  const refuse = (message: string) => Effect.fail(new WrongSitting({ message }))
  const on = `The sitting on ${formatDate(sitting.date)}`
  if (sitting.panelId !== referral.form.panelId) return refuse("That sitting belongs to another panel than the one this request is for.")
  if (sitting.cancelled !== undefined) return refuse(`${on} was cancelled: choose another sitting for this request.`)
  if (!agendaOpenAt(sitting, at)) return refuse(`${on} has already started, so its agenda can no longer change.`)
  return Effect.void
}
