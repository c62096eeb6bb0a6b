import type { DateTime } from "effect"
import { londonDateOf } from "../calendar/londonTime.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RuleId } from "../policy/rules.js"
import type { Role } from "../shared/roles.js"
import type { DecisionContent, Subject } from "./DecisionParts.js"

export interface Gap {
  readonly field: string
  readonly label: string
  readonly ruleId?: RuleId
}

const blank = (text: string | undefined) => text === undefined || text.trim() === ""

/** What a decision must say, by the authority's rules (LIN-5, SUP-6) and common sense (dates ahead). */
export const contentGaps = (content: DecisionContent, subject: Subject, policy: AuthorityPolicy, at: DateTime.Utc): ReadonlyArray<Gap> => {
  const gaps: Gap[] = []
  const sos = policy.decision.signsOfSafetyMinutes
  if (sos !== undefined) {
    const minutes = content.minutes
    if (blank(minutes?.workingWell)) gaps.push({ field: "minutes.workingWell", label: "what's working well", ruleId: sos })
    if (blank(minutes?.worries)) gaps.push({ field: "minutes.worries", label: "what are we worried about", ruleId: sos })
    if (blank(minutes?.needsToHappen)) gaps.push({ field: "minutes.needsToHappen", label: "what needs to happen", ruleId: sos })
    if (content.outcome === "approve" && subject.requestTypes.includes("s20_accommodation") && content.agreed.accommodationWeeks === undefined) {
      gaps.push({ field: "agreed.accommodationWeeks", label: "how long the accommodation is agreed for before it returns to panel", ruleId: sos })
    }
  }
  const funded = subject.requestTypes.some((type) => type === "expenditure" || type === "nrpf_funding")
  if (content.outcome === "approve" && funded && content.agreed.funding === undefined) {
    gaps.push({ field: "agreed.funding", label: "the amount, period and budget of the funding agreed", ruleId: "SUP-6" })
  }
  const today = londonDateOf(at)
  for (const [i, action] of content.actions.entries()) {
    if (action.dueDate < today) gaps.push({ field: `actions[${i}].dueDate`, label: `a due date for "${action.description}" that is not in the past` })
  }
  return gaps
}

/** LIN-11: an agreement outside panel records why, what, by when, and the actions expected. */
export const outsidePanelGaps = (
  content: DecisionContent,
  subject: Subject,
  policy: AuthorityPolicy,
  placed: boolean
): ReadonlyArray<Gap> => {
  const rule = policy.outsidePanel.ruleId
  const gaps: Gap[] = []
  if (content.outcome !== "approve") gaps.push({ field: "outcome", label: "an agreement (outside panel only agreements are recorded)", ruleId: rule })
  if (content.actions.length === 0) gaps.push({ field: "actions", label: "the actions expected, with timescales", ruleId: rule })
  if (policy.outsidePanel.s20Tasks && subject.requestTypes.includes("s20_accommodation") && !placed) {
    gaps.push({ field: "placedAt", label: "when the child was placed", ruleId: policy.outsidePanel.s20Tasks.clock.ruleId })
  }
  return gaps
}

/** The agreements an outside-panel decision needs for these request types (NSO-10: two; LIN-11: one). */
export const agreementsNeeded = (policy: AuthorityPolicy, subject: Subject): ReadonlyArray<{ readonly anyOf: readonly [Role, ...Role[]] }> =>
  policy.outsidePanel.approvers
    .filter((entry) => entry.forRequestTypes === undefined || subject.requestTypes.some((type) => entry.forRequestTypes!.includes(type)))
    .map(({ anyOf }) => ({ anyOf }))

export const describeGaps = (gaps: ReadonlyArray<Gap>) =>
  gaps.map((gap) => (gap.ruleId ? `${gap.label} (${gap.ruleId})` : gap.label)).join("; ")
