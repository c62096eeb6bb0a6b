import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Placement } from "./Placement.js"
import { regulation24Of, statutory } from "./placementRules.js"

/**
 * The clocks of one connected-person placement: police protection's 72 hours (STAT-S46, explanatory), the
 * viability assessment (LIN-16) and kinship referral (LIN-18) from the placement, the temporary approval's
 * end (STAT-R24) and its extension's (STAT-R25-1), and a warning ahead of whichever end applies.
 * Each is met by the event it waits for; a placement that has ended, or never was one (LIN-14), has none.
 */
export const placementClocks = (placement: Placement, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  if (placement.status === "ended" || placement.status === "not_regulation24") return []
  const rules = regulation24Of(policy)
  const about = { kind: "placement" as const, id: placement.id }
  const clocks: ClockSpec[] = []
  const { policePowers, placement: placed, approval } = placement

  if (policePowers?.underPoliceProtection && policePowers.since !== undefined) {
    const since = policePowers.since
    clocks.push({
      id: `${placement.id}:police-protection`,
      about,
      title: "Police protection ends: the child is returned, accommodated or an order is sought",
      rule: statutory.policeProtection,
      anchor: since,
      anchorText: `police protection began at ${formatInstant(since)}`,
      metAt: placed && DateTime.max(placed.placedAt, since)
    })
  }
  if (placed === undefined || approval === undefined) return clocks
  const fromPlacement = `the placement at ${formatInstant(placed.placedAt)}`

  if (rules.viabilityAssessment !== undefined) {
    clocks.push({
      id: `${placement.id}:viability`,
      about,
      title: "Viability assessment written up",
      rule: rules.viabilityAssessment,
      anchor: placed.placedAt,
      anchorText: fromPlacement,
      metAt: placement.viabilityAssessment?.at
    })
  }
  if (rules.kinshipReferral !== undefined) {
    clocks.push({
      id: `${placement.id}:kinship-referral`,
      about,
      title: "Viability assessment and the carers' signed BACS form with the kinship team",
      rule: rules.kinshipReferral,
      anchor: placed.placedAt,
      anchorText: fromPlacement,
      metAt: placement.kinshipReferral?.at
    })
  }

  const { extension, pendingReview } = approval
  clocks.push({
    id: `${placement.id}:temporary-approval`,
    about,
    title: "Temporary approval ends: approve as foster carers, extend, or end the placement (STAT-R25-4)",
    rule: rules.temporaryApproval,
    anchor: placed.placedAt,
    anchorText: fromPlacement,
    metAt: extension?.at ?? pendingReview?.at,
    // The end fixed when the child was placed: never later than regulation 24's 16 weeks.
    notAfter: { instant: approval.originalExpiresAt, text: "the end of the temporary approval set at placement" }
  })
  if (extension !== undefined) {
    clocks.push({
      id: `${placement.id}:extended-approval`,
      about,
      title: "Extended temporary approval ends: approve as foster carers or end the placement (STAT-R25-4)",
      rule: { ruleId: statutory.extension.ruleId, clock: { _tag: "WeeksAfter", weeks: extension.weeks } },
      anchor: approval.originalExpiresAt,
      anchorText: `the original end of the temporary approval at ${formatInstant(approval.originalExpiresAt)}`,
      metAt: pendingReview?.at
    })
  }
  clocks.push({
    id: `${placement.id}:approval-warning`,
    about,
    title: `Temporary approval ends in ${rules.warnDaysBeforeExpiry} days: arrange the fostering panel, an extension or a move`,
    rule: {
      // Regulation 24 sets the end, not the warning: the warning is Carepanel's.
      ruleId: "DEF-R24-EXPIRY-WARNING",
      clock: { _tag: "DaysBefore", days: rules.warnDaysBeforeExpiry, unit: "calendar", ifClosed: "previousWorkingDay" }
    },
    anchor: approval.expiresAt,
    anchorText: `the end of the temporary approval at ${formatInstant(approval.expiresAt)}`,
    metAt: pendingReview?.at
  })
  return clocks
}
