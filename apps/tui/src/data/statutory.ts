import { type Actor, currentExpiry, type Deadline, Deadlines, type Placement, Placements } from "@carepanel/core"
import { DateTime, Effect } from "effect"

/** A Regulation 24 placement with its clocks (STAT-R24, STAT-R25, LIN-14..18), most urgent first. */
export interface TrackedPlacement {
  readonly placement: Placement
  readonly clocks: ReadonlyArray<Deadline>
}

const urgency: Record<Deadline["state"], number> = { overdue: 0, due_soon: 1, pending: 2, met: 3 }

/** "9 weeks 2 days left of the temporary approval", "extended pending an independent review", or how long ago it ran out. */
export const approvalCountdown = (placement: Placement, now: DateTime.Utc): string => {
  const approval = placement.approval
  if (approval === undefined) return placement.status === "identified" ? "not placed yet" : "no temporary approval"
  const expiry = currentExpiry(approval)
  if (expiry === undefined) return "extended pending an independent review (STAT-R25-2)"
  const days = Math.floor(DateTime.distance(now, expiry) / 86_400_000)
  const span = (n: number) => `${Math.floor(n / 7)} weeks ${n % 7} days`
  const extended = approval.extension === undefined ? "" : ` (extended ${approval.extension.weeks} weeks)`
  return days >= 0 ? `${span(days)} left of the approval${extended}` : `‼ approval ran out ${span(-days)} ago${extended}`
}

/**
 * The statutory tracker's read: Regulation 24 placements that are live or identified, with their clocks, and every
 * other open clock under a statutory rule (STAT-*), as the core's deadlines compute them now.
 */
export const statutoryTracker = (actor: Actor) =>
  Effect.gen(function* () {
    const now = yield* DateTime.now
    const placements = (yield* Effect.flatMap(Placements, (use) => use.list(actor))).filter(
      (placement) => placement.status === "placed" || placement.status === "identified"
    )
    const deadlines = yield* Effect.flatMap(Deadlines, (use) => use.forAuthority(actor))
    const ids = new Set(placements.map((placement) => placement.id as string))
    const byPlacement = (id: string) =>
      deadlines.filter((clock) => clock.about.kind === "placement" && clock.about.id === id).sort((a, b) => urgency[a.state] - urgency[b.state] || a.due.epochMillis - b.due.epochMillis)
    const tracked: ReadonlyArray<TrackedPlacement> = placements.map((placement) => ({ placement, clocks: byPlacement(placement.id) }))
    const otherStatutory = deadlines.filter((clock) => clock.ruleId.startsWith("STAT-") && !(clock.about.kind === "placement" && ids.has(clock.about.id)))
    return { now, tracked, otherStatutory }
  })
