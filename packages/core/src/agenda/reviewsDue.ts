import { DateTime } from "effect"
import type { ClockRule } from "../calendar/ClockRule.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { Decision } from "../decision/Decision.js"
import { comeBack, hearingsByReferral, preProceedingsOverFor, reviewHeardAt, startsReviews } from "../decision/decisionClocks.js"
import { isAHearing } from "../decision/decisionHearing.js"
import { rememberingResolver } from "../deadlines/clock.js"
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

/**
 * The windows still open: no later hearing of the request, no LIN-7 case note closing it. A return to panel brings
 * the request back whatever was decided (a decline may ask for the case to come back with more); an accommodation
 * period and the automatic reviews follow only an approval; a deferral comes back at the next sitting by itself (CPR-8);
 * an agreement outside panel asks nothing until everyone needed has agreed it (LIN-11, NSO-10).
 */
export const reviewWindows = (
  decisions: ReadonlyArray<Decision>,
  policy: AuthorityPolicy,
  calendar: Calendar
): ReadonlyArray<ReviewWindow> => {
  const resolve = rememberingResolver(calendar)
  const at = (clock: ClockRule, decision: Decision) => resolve(clock, decision.heardAt).due
  const hearingsOf = hearingsByReferral(decisions)
  return decisions.flatMap((decision) => {
    if (decision.returnWaived !== undefined || !isAHearing(decision)) return []
    const { returnToPanel, accommodationWeeks } = comeBack(decision)
    const hearings = hearingsOf.get(decision.subject.referralId) ?? []
    const reheard = hearings.some((hearing) => DateTime.greaterThan(hearing.heardAt, decision.heardAt))
    const windows: ReviewWindow[] = []
    const weeks = [returnToPanel?.withinWeeks, accommodationWeeks].filter((n): n is number => n !== undefined)
    if (weeks.length > 0 && !reheard) {
      const latest = at({ _tag: "WeeksAfter", weeks: Math.min(...weeks) }, decision)
      windows.push({ decision, ruleId: returnToPanel?.ruleId ?? timescalesRuleOf(policy.decision), earliest: decision.heardAt, latest })
    }
    for (const review of policy.decision.automaticReviews.filter((candidate) => startsReviews(decision, candidate))) {
      const earliest = at(review.earliest.clock, decision)
      // Nothing to review once the child's record shows the pre-proceedings over (NSO-9).
      if (reviewHeardAt(decision, hearings, earliest) !== undefined || preProceedingsOverFor(decision, review) !== undefined) continue
      windows.push({ decision, ruleId: review.ruleId, earliest, latest: at(review.latest.clock, decision) })
    }
    return windows
  })
}
