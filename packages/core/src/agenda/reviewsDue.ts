import { DateTime } from "effect"
import type { ClockRule } from "../calendar/ClockRule.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { Decision } from "../decision/Decision.js"
import { reviewHeardAt, startsReviews } from "../decision/decisionClocks.js"
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
    const hearings = decisions.map((other) => ({ referralId: other.subject.referralId, heardAt: other.heardAt, atPanel: other.madeAt === "panel" }))
    const reheard = decisions.some(
      (other) => other.subject.referralId === decision.subject.referralId && DateTime.greaterThan(other.heardAt, decision.heardAt)
    )
    if (decision.returnWaived !== undefined || decision.content.outcome !== "approve") return []
    const windows: ReviewWindow[] = []
    const { returnToPanel, agreed } = decision.content
    const weeks = [returnToPanel?.withinWeeks, agreed.accommodationWeeks].filter((n): n is number => n !== undefined)
    if (weeks.length > 0 && !reheard) {
      const latest = at({ _tag: "WeeksAfter", weeks: Math.min(...weeks) }, decision, calendar)
      windows.push({ decision, ruleId: returnToPanel?.ruleId ?? timescalesRuleOf(policy.decision), earliest: decision.heardAt, latest })
    }
    for (const review of policy.decision.automaticReviews.filter((candidate) => startsReviews(decision, candidate))) {
      const earliest = at(review.earliest.clock, decision, calendar)
      if (reviewHeardAt(decision, hearings, earliest) !== undefined) continue
      windows.push({ decision, ruleId: review.ruleId, earliest, latest: at(review.latest.clock, decision, calendar) })
    }
    return windows
  })
