import { formatInstant } from "../calendar/format.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { RuledClock } from "../policy/RuledClock.js"
import type { VisitedPlacement } from "./Visit.js"
import { dueVisits } from "./visitSchedule.js"

/** STAT-R9: the placement plan within 5 working days of the placement, at the placement's London wall time. */
export const placementPlanClock: RuledClock = {
  ruleId: "STAT-R9",
  clock: { _tag: "DaysAfter", days: 5, unit: "working", ifClosed: "nextWorkingDay" }
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`

/**
 * The visit clocks (STAT-R28) and the placement plan's (STAT-R9) of a placement with the child in it. The plan's clock
 * is met by a plan prepared at any time, before the placement or after; a visit clock by the next visit.
 */
export const visitClocks = (placement: VisitedPlacement, calendar: Calendar): ReadonlyArray<ClockSpec> => {
  if (placement.placedAt === undefined || placement.endedAt !== undefined) return []
  const about = { kind: "placement" as const, id: placement.id }
  const plan = placement.placementPlan
  return [
    {
      id: `${placement.id}:placement-plan`,
      about,
      title: "Placement plan prepared (regulation 9)",
      rule: placementPlanClock,
      anchor: placement.placedAt,
      anchorText: `the placement at ${formatInstant(placement.placedAt)}`,
      metAt: plan === undefined ? undefined : plan.preparedAt
    },
    ...dueVisits(placement, calendar).map(
      (visit): ClockSpec => ({
        id: `${placement.id}:visit:${visit.number}`,
        about,
        title: `${ordinal(visit.number)} statutory visit to the child in the placement (regulation 28)`,
        rule: { ruleId: "STAT-R28", clock: visit.interval },
        anchor: visit.anchor,
        anchorText: visit.anchorText,
        metAt: visit.metAt
      })
    )
  ]
}
