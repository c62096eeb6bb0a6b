import { formatDate, formatInstant } from "../calendar/format.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { Decision } from "../decision/Decision.js"
import type { Agreed, Outcome } from "../decision/DecisionParts.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { roleLabel } from "../shared/roles.js"
import { summary } from "./CaseContext.js"

export const outcomeWord: Record<Outcome, string> = { approve: "approved", decline: "declined", defer: "deferred" }

/** "GBP 1,800.00" */
export const money = (pence: number): string => {
  const whole = Math.trunc(Math.abs(pence))
  const pounds = String(Math.floor(whole / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${pence < 0 ? "-" : ""}GBP ${pounds}.${String(whole % 100).padStart(2, "0")}`
}

const fundingPeriod = { one_off: "one-off", weekly: "a week", monthly: "a month", annual: "a year" } as const

/** What an approval agreed; a decline or a deferral agrees nothing (CPR-8), whatever was typed under "agreed" before the outcome. */
export const agreedOf = (content: { readonly outcome: Outcome; readonly agreed: Agreed }): Agreed => (content.outcome === "approve" ? content.agreed : {})

export const agreedLines = (agreed: Agreed, redact: (text: string) => string): ReadonlyArray<string> => [
  ...(agreed.accommodationWeeks === undefined ? [] : [`Accommodation agreed for ${agreed.accommodationWeeks} weeks, then back to panel.`]),
  ...(agreed.placement === undefined ? [] : [`Placement type: ${agreed.placement.replace(/_/g, " ")}.`]),
  ...(agreed.funding === undefined
    ? []
    : [
        `Funding: ${money(agreed.funding.amountPence)} ${fundingPeriod[agreed.funding.period]}` +
          `${agreed.funding.months === undefined ? "" : ` for ${agreed.funding.months} months`} from the ${redact(agreed.funding.budget)} budget.`
      ]),
  ...(agreed.legalPlanningMeeting ? ["A legal planning meeting is agreed."] : []),
  ...(agreed.preProceedings ? ["Pre-proceedings are agreed."] : []),
  ...(agreed.careProceedings ? ["Care proceedings are agreed."] : [])
]

const progressWord = { Open: "", Completed: " [completed]", Outstanding: " [outstanding]", Replaced: " [replaced by alternative action]" } as const

/** The decision as the social worker and team manager read it (CPR-8, SUP-6, LIN-6): free text goes through `redact`. */
export const decisionLines = (decision: Decision, redact: (text: string) => string, policy: CitingPolicy): ReadonlyArray<string> => {
  const { content, subject } = decision
  const where =
    decision.madeAt === "panel"
      ? `at the sitting on ${formatDate(londonDateOf(decision.heardAt))}`
      : `agreed outside panel (${decision.outsidePanel === undefined ? "outside panel" : citation(decision.outsidePanel.ruleId, policy)}) at ${formatInstant(decision.heardAt)}`
  return [
    `Outcome: ${outcomeWord[content.outcome]}, ${where}.`,
    `Request ${subject.referralId}: ${subject.requestTypes.map((type) => requestTypeLabel[type]).join("; ")}.`,
    `Children: ${subject.childIds.join(", ")}.`,
    `Rationale: ${summary(redact(content.rationale))}`,
    ...agreedLines(agreedOf(content), redact),
    ...(content.actions.length === 0
      ? ["No actions."]
      : [
          "Actions:",
          ...content.actions.map(
            (action) =>
              `- ${summary(redact(action.description), 200)} - ${action.ownerName ?? roleLabel[action.ownerRole]} - due ${formatDate(action.dueDate)}` +
              `${action.fgcReferral ? " (Family Group Conference referral)" : ""}${progressWord[action.progress._tag]}`
          )
        ]),
    ...(content.returnToPanel === undefined ? [] : [`Back to panel within ${content.returnToPanel.withinWeeks} weeks (${citation(content.returnToPanel.ruleId, policy)}).`])
  ]
}
