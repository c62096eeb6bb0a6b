import { formatDate } from "../calendar/format.js"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { type CaseToConfirm, outsidePanelRecordRuleOf, reviewRuleOf, timescalesRuleOf } from "../policy/DecisionPolicy.js"
import { type CitingPolicy, citation, citingEachOnce } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { Role } from "../shared/roles.js"
import { agreedFieldLabel, agreedFieldsFor, isAgreed } from "./agreedByRequestType.js"
import type { DecisionContent, Subject } from "./DecisionParts.js"

export interface Gap {
  readonly field: string
  readonly label: string
  readonly ruleId?: RuleId
}

const blank = (text: string | undefined) => text === undefined || text.trim() === ""

/**
 * What a decision must say, by the authority's rules (LIN-5 minutes), what an approval of each request type
 * agrees (`agreedByRequestType`), and common sense: no action is due before the day the decision was made.
 * LIN-5's Signs of Safety minutes are the Support Panel's: an agreement outside panel is not held to them, and what it
 * agreed cites the rule for what such an agreement records (LIN-11 "what the specific agreement is"), where the policy names one.
 */
export const contentGaps = (
  content: DecisionContent,
  subject: Subject,
  policy: AuthorityPolicy,
  heardOn: LocalDate,
  madeAt: "panel" | "outside_panel"
): ReadonlyArray<Gap> => {
  const gaps: Gap[] = []
  const sos = madeAt === "panel" ? policy.decision.signsOfSafetyMinutes : undefined
  const agreedRule = madeAt === "panel" ? sos : policy.outsidePanel.recordRuleId
  const cite = (ruleId: RuleId | undefined) => (ruleId === undefined ? {} : { ruleId })
  if (sos !== undefined) {
    const minutes = content.minutes
    if (blank(minutes?.workingWell)) gaps.push({ field: "minutes.workingWell", label: "what's working well", ruleId: sos })
    if (blank(minutes?.worries)) gaps.push({ field: "minutes.worries", label: "what are we worried about", ruleId: sos })
    if (blank(minutes?.needsToHappen)) gaps.push({ field: "minutes.needsToHappen", label: "what needs to happen", ruleId: sos })
    if (content.outcome === "approve" && subject.requestTypes.includes("s20_accommodation") && content.agreed.accommodationWeeks === undefined) {
      gaps.push({ field: "agreed.accommodationWeeks", label: "how long the accommodation is agreed for before it returns to panel", ruleId: sos })
    }
  }
  if (content.outcome === "approve") {
    for (const field of agreedFieldsFor(subject.requestTypes).filter((candidate) => !isAgreed(content.agreed, candidate))) {
      gaps.push({ field: `agreed.${field}`, label: agreedFieldLabel[field], ...cite(agreedRule) })
    }
  }
  const returnRule = content.returnToPanel?.ruleId
  if (returnRule !== undefined && !reviewRulesOf(policy).includes(returnRule)) {
    gaps.push({
      field: "returnToPanel.ruleId",
      label: `its return to panel under this authority's own rule for it, not ${citation(returnRule, policy)}`,
      ruleId: reviewRuleOf(policy.decision)
    })
  }
  for (const [i, action] of content.actions.entries()) {
    if (action.dueDate < heardOn) {
      gaps.push({ field: `actions[${i}].dueDate`, label: `a due date for "${action.description}" on or after the day of the decision, ${formatDate(heardOn)}` })
    }
  }
  return gaps
}

/** The rules a return to panel may be diarised under at this authority: its own, never another's (citing honestly). */
const reviewRulesOf = (policy: AuthorityPolicy): ReadonlyArray<RuleId> => [
  reviewRuleOf(policy.decision),
  timescalesRuleOf(policy.decision),
  ...(policy.decision.returnWaivableByCaseNote === undefined ? [] : [policy.decision.returnWaivableByCaseNote]),
  ...policy.decision.automaticReviews.map((review) => review.ruleId)
]

/** What an agreement outside panel records besides its content (LIN-11). */
export interface OutsidePanelRecord {
  readonly whyOutsidePanel: string
  readonly timescales: string
  readonly placed: boolean
  /** KNO-5: the emergency LPM's time is on record. */
  readonly lpmHeld: boolean
}

/**
 * LIN-11: an agreement outside panel records why, the agreement, its timescales, and the actions expected. Elsewhere
 * the outside-panel rule (NSO-10, SUP-7, KNO-5) says only who agrees, so the record's gaps cite the policy's record
 * rule (DEF-OUTSIDE-PANEL-RECORD unless it names LIN-11).
 */
export const outsidePanelGaps = (
  content: DecisionContent,
  subject: Subject,
  policy: AuthorityPolicy,
  record: OutsidePanelRecord
): ReadonlyArray<Gap> => {
  const rule = policy.outsidePanel.ruleId
  const recordRule = outsidePanelRecordRuleOf(policy.outsidePanel)
  const gaps: Gap[] = []
  if (blank(record.whyOutsidePanel)) gaps.push({ field: "whyOutsidePanel", label: "why it could not wait for panel", ruleId: recordRule })
  if (content.outcome !== "approve") gaps.push({ field: "outcome", label: "an agreement (outside panel only agreements are recorded)", ruleId: rule })
  if (blank(record.timescales)) gaps.push({ field: "timescales", label: "the timescales of the agreement", ruleId: recordRule })
  if (content.actions.length === 0) gaps.push({ field: "actions", label: "the actions expected, with timescales", ruleId: recordRule })
  if (policy.outsidePanel.s20Tasks && subject.requestTypes.includes("s20_accommodation") && !record.placed) {
    gaps.push({ field: "placedAt", label: "when the child was placed", ruleId: policy.outsidePanel.s20Tasks.clock.ruleId })
  }
  const emergencyLpm = policy.outsidePanel.emergencyLpmRuleId
  if (emergencyLpm && subject.requestTypes.includes("legal_planning_meeting") && !record.lpmHeld) {
    gaps.push({ field: "lpmAt", label: "when the emergency Legal Planning Meeting is held", ruleId: emergencyLpm })
  }
  return gaps
}

/** The agreements an outside-panel decision needs for these request types (NSO-10: two; LIN-11: one). */
export const agreementsNeeded = (policy: AuthorityPolicy, subject: Subject): ReadonlyArray<{ readonly anyOf: readonly [Role, ...Role[]] }> =>
  policy.outsidePanel.approvers
    .filter((entry) => entry.forRequestTypes === undefined || subject.requestTypes.some((type) => entry.forRequestTypes!.includes(type)))
    .map(({ anyOf }) => ({ anyOf }))

/** Each gap with its rule; a Carepanel default says so the first time it is cited (DEF-OUTSIDE-PANEL-RECORD). */
export const describeGaps = (gaps: ReadonlyArray<Gap>, policy: CitingPolicy) => {
  const cite = citingEachOnce(policy)
  return gaps.map((gap) => (gap.ruleId === undefined ? gap.label : `${gap.label} (${cite(gap.ruleId)})`)).join("; ")
}

/** The narrow cases (LIN-11) this request's types are agreed outside panel only as: each must be confirmed. */
export const casesToConfirm = (policy: AuthorityPolicy, subject: Subject): ReadonlyArray<CaseToConfirm> =>
  (policy.outsidePanel.onlyInCasesConfirmed ?? []).filter((entry) => entry.forRequestTypes.some((type) => subject.requestTypes.includes(type)))

/** Request types no approver entry names: an agreement outside panel does not cover them (SUP-7: proceedings and LPMs only). */
export const typesNotAgreedOutsidePanel = (policy: AuthorityPolicy, subject: Subject): ReadonlyArray<Subject["requestTypes"][number]> =>
  subject.requestTypes.filter(
    (type) => !policy.outsidePanel.approvers.some((entry) => entry.forRequestTypes === undefined || entry.forRequestTypes.includes(type))
  )
