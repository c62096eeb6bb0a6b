import { addMonths, isAfter, isBefore, type LocalDate } from "../calendar/LocalDate.js"
import { formatDate } from "../calendar/format.js"
import { money } from "../notifications/decisionText.js"
import type { CriterionFacts } from "../policy/CriterionFacts.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import type { Criterion } from "../policy/ReferralPolicy.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { andList, orList } from "../shared/wordList.js"
import type { ReferralForm } from "./ReferralForm.js"

/** What the recorded facts show for one criterion: the arithmetic when they make it true, what to record when not. */
type FactsFinding = { readonly holds: true; readonly shows: string } | { readonly holds: false; readonly toRecord: string }

const planWords: Record<string, string> = {
  EH: "an early help plan",
  FWB: "a family wellbeing plan",
  FF: "a Families First plan",
  CIN: "a child in need plan",
  CP: "a child protection plan",
  CLA: "a looked-after child's care plan"
}

const historyWords = { criminal_conviction: "criminal conviction", care_proceedings: "care proceedings about a connected child" } as const

/** Whole months from `from` to `to`: the most m with from + m months on or before `to`. */
const wholeMonths = (from: LocalDate, to: LocalDate): number => {
  let months = 0
  while (!isAfter(addMonths(from, months + 1), to)) months++
  return months
}

/** Children's names and parents' details stay out: the explanation is shown wherever the criteria are. */
const finding = (facts: CriterionFacts, form: ReferralForm, asOf: LocalDate): FactsFinding => {
  switch (facts._tag) {
    case "ChildOnPlanLongerThan": {
      const plan = planWords[facts.plan]!
      const longest = form.children
        .flatMap((child) => (child.plan === facts.plan && child.planStarted !== undefined && !isAfter(child.planStarted, asOf) ? [child.planStarted] : []))
        .sort()[0]
      // "More than" 18 months: the 18-month anniversary itself is not over it.
      if (longest !== undefined && isBefore(addMonths(longest, facts.months), asOf)) {
        return {
          holds: true,
          shows: `a child on the request has been on ${plan} since ${formatDate(longest)}, ${wholeMonths(longest, asOf)} months by ${formatDate(asOf)}: more than ${facts.months} months`
        }
      }
      return {
        holds: false,
        toRecord:
          longest === undefined
            ? `which child is on ${plan} and when it started`
            : `${plan} for more than ${facts.months} months: the form shows one since ${formatDate(longest)}, only ${wholeMonths(longest, asOf)} months by ${formatDate(asOf)}`
      }
    }
    case "ParentalHistory": {
      const entries = form.parentalHistory.filter((entry) => entry.kind === facts.kind && !isAfter(entry.date, asOf))
      if (entries.length === 0) return { holds: false, toRecord: `the parent's or caregiver's ${historyWords[facts.kind]}: who, when and what` }
      const dates = entries.map((entry) => formatDate(entry.date)).join(", ")
      return { holds: true, shows: `a parent or caregiver's ${historyWords[facts.kind]} is recorded (${dates})` }
    }
    case "DisabledChildCostedPackage": {
      const disabled = form.children.some((child) => child.disabled)
      if (!disabled || form.annualCostPence === undefined) return { holds: false, toRecord: "which child is disabled and what the care package costs a year" }
      return { holds: true, shows: `a child on the request is disabled and the care package costs ${money(form.annualCostPence)} a year` }
    }
    case "RequestTypeIn": {
      const asked = form.requestTypes.filter((type) => facts.types.includes(type))
      if (asked.length === 0) return { holds: false, toRecord: `the request's type (${orList(facts.types.map((type) => requestTypeLabel[type]))})` }
      return { holds: true, shows: `the request is for ${andList(asked.map((type) => requestTypeLabel[type]))}` }
    }
  }
}

/** The recorded criterion: what the policy says, and why it holds, without the policy's own tests. */
const recorded = ({ ruleId, reason, level, description }: Criterion, explanation?: string): Criterion => ({
  ruleId,
  reason,
  level,
  description,
  ...(explanation === undefined ? {} : { explanation })
})

/** NSO-6: spending over the yearly threshold (higher where a child is disabled) must come to panel. */
const expenditureCriterion = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<Criterion> => {
  const threshold = policy.referral.expenditureThreshold
  if (threshold === undefined || form.annualCostPence === undefined) return []
  const disabled = form.children.some((child) => child.disabled)
  const limit = disabled ? threshold.disabledChildAnnualPence : threshold.annualPence
  // NSO-6 says "exceeds": the threshold amount itself does not.
  if (form.annualCostPence <= limit) return []
  const whose = disabled ? " for a disabled child" : ""
  return [
    recorded(
      { ruleId: threshold.ruleId, reason: "complex_needs", level: "must", description: `Expenditure of over ${money(limit)} a year${whose} is authorised by panel` },
      `${citation(threshold.ruleId, policy)}: expenditure of ${money(form.annualCostPence)} a year is over the threshold of ${money(limit)} a year${whose}`
    )
  ]
}

/** A ticked reason the recorded facts do not bear out: the form must say what makes it true. */
export interface UnsupportedTick {
  readonly criterion: Criterion
  readonly toRecord: string
}

/**
 * The criteria that apply to this form on `asOf` (the submission's date), "must" before "should" (SUP-2, SUP-3,
 * LIN-2, NSO-6). A criterion with facts is worked out from them and shows its arithmetic; one that also needs the
 * social worker's judgement needs the tick as well. A tick of a fact-based reason the facts do not show is returned
 * as unsupported: submission is refused until the facts are recorded.
 */
export const criteriaFromForm = (
  policy: AuthorityPolicy,
  form: ReferralForm,
  asOf: LocalDate
): { readonly criteria: ReadonlyArray<Criterion>; readonly unsupported: ReadonlyArray<UnsupportedTick> } => {
  const criteria: Criterion[] = []
  const unsupported: UnsupportedTick[] = []
  for (const criterion of policy.referral.criteria) {
    const ticked = form.presentationReasons.includes(criterion.reason)
    if (criterion.fromFacts === undefined) {
      if (ticked) criteria.push(recorded(criterion))
      continue
    }
    const found = finding(criterion.fromFacts, form, asOf)
    if (!found.holds) {
      if (ticked) unsupported.push({ criterion, toRecord: found.toRecord })
      continue
    }
    if (criterion.judgement !== undefined && !ticked) continue
    const judged = criterion.judgement === undefined ? "" : `; the social worker records that ${criterion.judgement}`
    criteria.push(recorded(criterion, `${citation(criterion.ruleId, policy)}: ${found.shows}${judged}`))
  }
  const all = [...criteria, ...expenditureCriterion(policy, form)]
  return { criteria: all.sort((a, b) => (a.level === b.level ? 0 : a.level === "must" ? -1 : 1)), unsupported }
}
