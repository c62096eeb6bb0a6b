import { DateTime } from "effect"
import type { ClockRule } from "../calendar/ClockRule.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { Decision } from "../decision/Decision.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { timescalesRuleOf } from "../policy/DecisionPolicy.js"
import type { RuleId } from "../policy/rules.js"

/** A decision's request must come back to panel between `earliest` and `latest` (the authority's timescales rule, LIN-7, NSO-9). */
export interface ReviewWindow {
  readonly decision: Decision
  readonly ruleId: RuleId
  readonly earliest: DateTime.Utc
  readonly latest: DateTime.Utc
}

const at = (clock: ClockRule, decision: Decision, calendar: Calendar) =>
  resolveClock(clock, { instant: decision.heardAt }, calendar).due

/** The windows still open: no later hearing of the request, no LIN-7 case note closing it. */
export const reviewWindows = (
  decisions: ReadonlyArray<Decision>,
  policy: AuthorityPolicy,
  calendar: Calendar
): ReadonlyArray<ReviewWindow> =>
  decisions.flatMap((decision) => {
    const reheard = decisions.some(
      (other) => other.subject.referralId === decision.subject.referralId && DateTime.greaterThan(other.heardAt, decision.heardAt)
    )
    if (reheard || decision.returnWaived !== undefined || decision.content.outcome !== "approve") return []
    const windows: ReviewWindow[] = []
    const { returnToPanel, agreed } = decision.content
    const weeks = [returnToPanel?.withinWeeks, agreed.accommodationWeeks].filter((n): n is number => n !== undefined)
    if (weeks.length > 0) {
      const latest = at({ _tag: "WeeksAfter", weeks: Math.min(...weeks) }, decision, calendar)
      windows.push({ decision, ruleId: returnToPanel?.ruleId ?? timescalesRuleOf(policy.decision), earliest: decision.heardAt, latest })
    }
    for (const review of policy.decision.automaticReviews) {
      if (!decision.subject.requestTypes.some((type) => review.forRequestTypes.includes(type))) continue
      windows.push({
        decision,
        ruleId: review.ruleId,
        earliest: at(review.earliest.clock, decision, calendar),
        latest: at(review.latest.clock, decision, calendar)
      })
    }
    return windows
  })
