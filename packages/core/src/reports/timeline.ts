import { DateTime } from "effect"
import { daysBetween } from "../calendar/LocalDate.js"
import { type Calendar, workingDaysBetween } from "../calendar/WorkingCalendar.js"
import type { Decision } from "../decision/Decision.js"
import type { Outcome } from "../decision/DecisionParts.js"
import type { Referral } from "../referral/Referral.js"
import { dayOf } from "./Period.js"

/** One time a request was decided on: at panel, or agreed outside it. */
export interface RequestHearing {
  readonly decisionId: string
  readonly at: DateTime.Utc
  readonly outcome: Outcome
  readonly madeAt: "panel" | "outside_panel"
  readonly sittingId: string | undefined
}

export interface Elapsed {
  readonly calendarDays: number
  readonly workingDays: number
}

/** A request's path from submission through each hearing; what every request figure is computed from. */
export interface Timeline {
  readonly referral: Referral
  readonly hearings: ReadonlyArray<RequestHearing>
  /** The first decision of any outcome, a deferral included (CPR-8: approve, decline or defer). */
  readonly first: RequestHearing | undefined
  /** The first approval or refusal: where a deferred request finally lands. */
  readonly outcome: RequestHearing | undefined
  readonly deferrals: number
  readonly toFirstDecision: Elapsed | undefined
  readonly toOutcome: Elapsed | undefined
}

/** A decision counts once it is made: at panel when the panel decides, outside panel once every agreement is in. */
export const isMade = (decision: Decision): boolean => decision.madeAt === "panel" || decision.status === "final"

/**
 * Days from one instant to another by their London dates, in calendar days and in working days (the start day
 * not counted, the end day counted when it is a working day). None when the end comes first: an agreement outside
 * panel before the request was submitted has no "time to decision".
 */
export const elapsed = (from: DateTime.Utc | undefined, to: DateTime.Utc | undefined, calendar: Calendar): Elapsed | undefined => {
  if (from === undefined || to === undefined || DateTime.lessThan(to, from)) return undefined
  const start = dayOf(from)
  const end = dayOf(to)
  return { calendarDays: daysBetween(start, end), workingDays: workingDaysBetween(calendar, start, end) }
}

const hearingOf = (decision: Decision): RequestHearing => ({
  decisionId: decision.id,
  at: decision.heardAt,
  outcome: decision.content.outcome,
  madeAt: decision.madeAt,
  sittingId: decision.sittingId
})

/**
 * Each request's timeline. Hearings come from the decisions made on it (their `heardAt`: the sitting's end or the
 * moment of agreement), and from the request's own record of hearings whose decision is not in the inputs.
 */
export const timelines = (referrals: ReadonlyArray<Referral>, decisions: ReadonlyArray<Decision>, calendar: Calendar): ReadonlyArray<Timeline> => {
  const byReferral = new Map<string, RequestHearing[]>()
  for (const decision of decisions) {
    if (!isMade(decision)) continue
    byReferral.set(decision.subject.referralId, [...(byReferral.get(decision.subject.referralId) ?? []), hearingOf(decision)])
  }
  return referrals.map((referral) => {
    const known = byReferral.get(referral.id) ?? []
    const recorded = referral.hearings
      .filter((hearing) => !known.some((other) => other.decisionId === hearing.decisionId))
      .map((hearing): RequestHearing => ({ decisionId: hearing.decisionId, at: hearing.at, outcome: hearing.outcome, madeAt: hearing.sittingId ? "panel" : "outside_panel", sittingId: hearing.sittingId }))
    const hearings = [...known, ...recorded].sort((a, b) => DateTime.distance(b.at, a.at))
    const first = hearings[0]
    const outcome = hearings.find((hearing) => hearing.outcome !== "defer")
    return {
      referral,
      hearings,
      first,
      outcome,
      deferrals: hearings.filter((hearing) => hearing.outcome === "defer").length,
      toFirstDecision: elapsed(referral.submittedAt, first?.at, calendar),
      toOutcome: elapsed(referral.submittedAt, outcome?.at, calendar)
    }
  })
}
