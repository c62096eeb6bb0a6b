import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Placement } from "./Placement.js"

/**
 * The steps recorded on a placement that happened after `endedAt`, earliest first, each in words ("the visit at ...").
 * A placement cannot have ended before them. A visit at the end itself counts (a visit is in the placement only
 * before it ends). Police protection and its outcome are not the placement's steps: they outlive it (STAT-S46).
 */
export const stepsAfterTheEnd = (placement: Placement, endedAt: DateTime.Utc): ReadonlyArray<string> => {
  const steps: Array<readonly [DateTime.Utc, string]> = []
  const recorded = (at: DateTime.Utc | undefined, what: string) => {
    if (at !== undefined && DateTime.greaterThan(at, endedAt)) steps.push([at, `${what} at ${formatInstant(at)}`])
  }
  for (const visit of placement.visits ?? []) {
    if (!DateTime.lessThan(visit.visitedAt, endedAt)) steps.push([visit.visitedAt, `the visit at ${formatInstant(visit.visitedAt)}`])
  }
  recorded(placement.placementPlan?.preparedAt, "the placement plan prepared")
  recorded(placement.firstReview?.heldAt, "the first looked-after review held")
  recorded(placement.viabilityAssessment?.at, "the viability assessment recorded")
  recorded(placement.authorisation?.at, "the service manager's authorisation recorded")
  recorded(placement.kinshipReferral?.at, "the kinship referral recorded")
  recorded(placement.lookedAfterConsent?.at, "the Assistant Director's consent recorded")
  recorded(placement.s20Consent?.at, "the carers' s20 consent recorded")
  for (const consent of placement.s20Accommodation?.consents ?? []) recorded(consent.consentGivenAt, `${consent.name}'s s20 consent given`)
  recorded(placement.approval?.extension?.at, "the extension of the temporary approval recorded")
  recorded(placement.approval?.pendingReview?.at, "the extension pending an independent review recorded")
  return steps
    .sort(([a], [b]) => DateTime.toEpochMillis(a) - DateTime.toEpochMillis(b))
    .map(([, words]) => words)
}
