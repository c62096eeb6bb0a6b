import { DateTime, Schema } from "effect"
import type { ClockRule } from "../calendar/ClockRule.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { nationalRegulation24 } from "../policy/authorities/shared.js"
import { type PlacementStep, Regulation24Policy } from "../policy/DecisionPolicy.js"
import type { RuleId } from "../policy/rules.js"
import type { RuledClock } from "../policy/RuledClock.js"

/**
 * The statute's own limits, whatever an authority's policy says: a policy may run shorter clocks, never
 * longer ones. Police protection's 72 hours (STAT-S46) is explanatory: no policy sets it.
 */
export const statutory = {
  temporaryApproval: { ruleId: "STAT-R24", clock: { _tag: "WeeksAfter", weeks: 16 } },
  extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks: 8 } },
  policeProtection: { ruleId: "STAT-S46", clock: { _tag: "HoursAfter", hours: 72 } }
} as const satisfies Record<string, RuledClock>

export const maxExtensionWeeks = statutory.extension.clock.weeks

const national = Schema.decodeUnknownSync(Regulation24Policy)(nationalRegulation24)

/** The authority's Regulation 24 clocks; an authority that configured none runs the national ones. */
export const regulation24Of = (policy: AuthorityPolicy): Regulation24Policy => policy.regulation24 ?? national

/** The rule a step of a connected-person placement cites at this authority: its own procedure's, else Carepanel's default. */
export const placementStepRule = (policy: AuthorityPolicy, step: PlacementStep): RuleId => regulation24Of(policy).steps?.[step] ?? "DEF-R24-PROCEDURE"

const due = (clock: ClockRule, instant: DateTime.Utc, calendar: Calendar) => resolveClock(clock, { instant }, calendar).due

/** The earlier of the policy's clock and the statute's, from the same anchor. */
const capped = (policyClock: RuledClock, limit: RuledClock, anchor: DateTime.Utc, calendar: Calendar) =>
  DateTime.min(due(policyClock.clock, anchor, calendar), due(limit.clock, anchor, calendar))

/** STAT-R24: the temporary approval ends 16 weeks after the placement, London wall time (sooner if the policy says). */
export const originalExpiry = (policy: AuthorityPolicy, placedAt: DateTime.Utc, calendar: Calendar): DateTime.Utc =>
  capped(regulation24Of(policy).temporaryApproval, statutory.temporaryApproval, placedAt, calendar)

/** STAT-R25-1: the latest an extension may run to, counted from the original expiry. */
export const extensionLimit = (policy: AuthorityPolicy, originalExpiresAt: DateTime.Utc, calendar: Calendar): DateTime.Utc =>
  capped(regulation24Of(policy).extension, statutory.extension, originalExpiresAt, calendar)

/** `weeks` after the original expiry, same London wall time. */
export const extendedExpiry = (originalExpiresAt: DateTime.Utc, weeks: number, calendar: Calendar): DateTime.Utc =>
  due({ _tag: "WeeksAfter", weeks }, originalExpiresAt, calendar)

/** The most whole weeks an extension may have: 8, or fewer where the authority's own limit is shorter. */
export const maxWeeksAllowed = (policy: AuthorityPolicy, originalExpiresAt: DateTime.Utc, calendar: Calendar): number => {
  const limit = extensionLimit(policy, originalExpiresAt, calendar)
  let weeks = maxExtensionWeeks
  while (weeks > 0 && DateTime.greaterThan(extendedExpiry(originalExpiresAt, weeks, calendar), limit)) weeks--
  return weeks
}

/** Whether `at` is after a local clock (LIN-16, LIN-18) from the placement; never late without the clock or a placement. */
export const isLate = (
  clock: RuledClock | undefined,
  placedAt: DateTime.Utc | undefined,
  at: DateTime.Utc,
  calendar: Calendar
): boolean => clock !== undefined && placedAt !== undefined && DateTime.greaterThan(at, due(clock.clock, placedAt, calendar))
