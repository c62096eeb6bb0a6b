import type { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import { currentExpiry, hasExpired, type Placement } from "./Placement.js"
import { placementStepRule, regulation24Of, statutory } from "./placementRules.js"

/**
 * STAT-S46: police protection's 72 hours, and the policy's warning before them (DEF-S46-WARN-48H unless replaced or
 * turned off: `statutoryWarnings.policeProtection`). Met only by a recorded outcome
 * (returned home, s20 with consent, an order) at the instant it happened: never by placing the child with carers,
 * nor by the placement ending, since police protection outlives both (SSDA903 code L1).
 */
const policeProtectionClocks = (placement: Placement, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  const powers = placement.policePowers
  if (!powers?.underPoliceProtection || powers.since === undefined) return []
  const since = powers.since
  const common = {
    about: { kind: "placement" as const, id: placement.id },
    anchor: since,
    anchorText: `police protection began at ${formatInstant(since)}`,
    metAt: placement.policeProtectionEnded?.endedAt
  }
  const warning = policy.statutoryWarnings.policeProtection
  const hoursLimit = statutory.policeProtection.clock.hours
  return [
    ...(warning === null
      ? []
      : [
          {
            id: `${placement.id}:police-protection-warning`,
            title: `Police protection ends in ${hoursLimit - warning.hours} hours: return the child, accommodate under s20 with consent, or obtain an order`,
            rule: { ruleId: warning.ruleId, clock: { _tag: "HoursAfter" as const, hours: warning.hours } },
            ...common
          }
        ]),
    {
      id: `${placement.id}:police-protection`,
      title: "Police protection ends: the child is returned, accommodated under s20 with consent, or an order is obtained",
      rule: statutory.policeProtection,
      ...common
    }
  ]
}

/**
 * The clocks of one connected-person placement: police protection's (`policeProtectionClocks`), the
 * viability assessment (LIN-16) and kinship referral (LIN-18) from the placement, the temporary approval's
 * end (STAT-R24) and its extension's (STAT-R25-1), and a warning ahead of whichever end applies.
 * Each is met by the event it waits for; a placement that has ended, or never was one (LIN-14), has only
 * police protection's, while that has not ended. Given `at`, once the approval has expired by then without
 * approval as foster carers, a clock asks for the alternative arrangement (STAT-R25-4).
 */
export const placementClocks = (placement: Placement, policy: AuthorityPolicy, at?: DateTime.Utc): ReadonlyArray<ClockSpec> => {
  const clocks: ClockSpec[] = [...policeProtectionClocks(placement, policy)]
  if (placement.status === "ended" || placement.status === "not_regulation24") return clocks.filter((clock) => clock.metAt === undefined)
  const rules = regulation24Of(policy)
  const about = { kind: "placement" as const, id: placement.id }
  const { placement: placed, approval } = placement

  if (rules.lookedAfterConsent !== undefined && placement.basicTest.isRegulation24) {
    clocks.push({
      id: `${placement.id}:looked-after-consent`,
      about,
      title: `The Assistant Director's consent to looked-after status (${citation(placementStepRule(policy, "basicTest"), policy)})`,
      rule: rules.lookedAfterConsent,
      anchor: placement.basicTest.at,
      anchorText: `the basic test at ${formatInstant(placement.basicTest.at)}`,
      metAt: placement.lookedAfterConsent?.at
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
  const expiry = currentExpiry(approval)
  if (at !== undefined && expiry !== undefined && hasExpired(approval, at)) {
    clocks.push({
      id: `${placement.id}:alternative-arrangement`,
      about,
      title: "The temporary approval has expired: arrange other accommodation, then end the placement (STAT-R25-4)",
      // Due at the expiry itself: regulation 25 gives no time after it, so from then on it is overdue.
      rule: { ruleId: "STAT-R25-4", fixed: { due: expiry, phrase: "when" } },
      anchor: expiry,
      anchorText:
        approval.pendingReview === undefined
          ? `the temporary approval ended at ${formatInstant(expiry)} without approval as foster carers`
          : `the independent review's outcome, known at ${formatInstant(expiry)}, left the carers unapproved: the temporary approval ended then`
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
