import { DateTime, Effect } from "effect"
import {
  type AuthorityPolicy,
  londonDateOf,
  londonTimeOf,
  type Sitting,
  SittingId,
  Sittings,
  timeOfDay,
  timeOfDayParts,
  type TimeOfDay
} from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { asOf, hoursFrom } from "./asOf.js"
import { isClaimTaken } from "./claimTaken.js"
import { openSitting, publish, readyFor } from "./sittingSteps.js"

/** Fictional children whose requests wait on the sitting held now. None of them is a real child. */
export const childrenHeardNow = [
  { id: "wx-child-11", name: "Marlow Quennell" },
  { id: "wx-child-12", name: "Isla Brennock" }
] as const

const isUnder = (sitting: Sitting, now: DateTime.Utc) =>
  sitting.cancelled === undefined && !DateTime.lessThan(now, sitting.startsAt) && DateTime.lessThan(now, sitting.endsAt)

const pad2 = (n: number) => String(n).padStart(2, "0")

/**
 * From ten minutes ago (on the five minutes, not before midnight, and by 22:55 at the latest so that late in the
 * evening the sitting still has an hour for its two children) for three hours (not past 23:59), London time.
 */
const hoursAround = (now: DateTime.Utc): { readonly start: TimeOfDay; readonly end: TimeOfDay } => {
  const earlier = DateTime.subtract(now, { minutes: 10 })
  const from = londonDateOf(earlier) === londonDateOf(now) ? timeOfDayParts(londonTimeOf(earlier)) : { hours: 0, minutes: 0 }
  const startMinutes = Math.min(from.hours * 60 + from.minutes - ((from.hours * 60 + from.minutes) % 5), 22 * 60 + 55)
  const endMinutes = Math.min(startMinutes + 180, 23 * 60 + 59)
  const at = (minutes: number) => timeOfDay(`${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`)
  return { start: at(startMinutes), end: at(endMinutes) }
}

/**
 * Development only: a sitting of the demonstration authority's first panel under way now, with two requests on its
 * agenda waiting for a decision, so that a newcomer can record one in their first minute. An extra sitting (the
 * panel's usual day may be days away) scheduled ten days ago, its requests made ready and accepted, its agenda
 * published and its members present, each at the time it would have happened. Kept if one is already under way, or
 * if another process starting at the same time has just scheduled it.
 */
export const ensureSittingInProgress = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const sittings = yield* Sittings
    const now = yield* DateTime.now
    const today = londonDateOf(now)
    const underWay = (yield* sittings.list(staff.administrator, { panelId: panel.id, from: today, to: today })).find((sitting) => isUnder(sitting, now))
    if (underWay !== undefined) return { sitting: underWay, created: false }
    const hours = hoursAround(now)
    // One id per day and start time: processes starting together on one store make one sitting, not one each.
    const sittingId = SittingId.make(`sit_${policy.authority.id}_now_${today}_${hours.start.replace(":", "")}`)
    const scheduled = yield* asOf(hoursFrom(now, -10 * 24))(sittings.schedule(staff.administrator, panel.id, today, { hours, sittingId })).pipe(
      Effect.catchIf(isClaimTaken, () => Effect.succeed(undefined))
    )
    if (scheduled === undefined) return { sitting: yield* sittings.get(staff.administrator, sittingId), created: false }
    for (const [i, child] of childrenHeardNow.entries()) yield* readyFor(policy, staff, scheduled, child, i)
    yield* publish(staff, scheduled)
    yield* openSitting(policy, staff, scheduled)
    return { sitting: yield* sittings.get(staff.administrator, scheduled.id), created: true }
  })
