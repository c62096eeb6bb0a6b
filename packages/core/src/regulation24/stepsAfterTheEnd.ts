import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Placement } from "./Placement.js"

/**
 * The steps of a placement that happened after `endedAt`, earliest first, each in words ("the visit at ..."): a
 * placement cannot have ended before them. Only steps dated by when they happened count (a visit, the plan prepared,
 * the first review held, a parent's s20 consent given); steps dated by when they were written up (the viability
 * assessment, the authorisation, the consents recorded) are often written up after the child has gone home, and must
 * not stop the real end being recorded. A visit at the end itself counts (a visit is in the placement only before it
 * ends). Police protection and its outcome are not the placement's steps: they outlive it (STAT-S46).
 */
export const stepsAfterTheEnd = (placement: Placement, endedAt: DateTime.Utc): ReadonlyArray<string> => {
  const steps: Array<readonly [DateTime.Utc, string]> = []
  const after = (at: DateTime.Utc | undefined, what: string) => {
    if (at !== undefined && DateTime.greaterThan(at, endedAt)) steps.push([at, `${what} at ${formatInstant(at)}`])
  }
  for (const visit of placement.visits ?? []) {
    if (!DateTime.lessThan(visit.visitedAt, endedAt)) steps.push([visit.visitedAt, `the visit at ${formatInstant(visit.visitedAt)}`])
  }
  after(placement.placementPlan?.preparedAt, "the placement plan prepared")
  after(placement.firstReview?.heldAt, "the first looked-after review held")
  for (const consent of placement.s20Accommodation?.consents ?? []) after(consent.consentGivenAt, `${consent.name}'s s20 consent given`)
  return steps
    .sort(([a], [b]) => DateTime.toEpochMillis(a) - DateTime.toEpochMillis(b))
    .map(([, words]) => words)
}
