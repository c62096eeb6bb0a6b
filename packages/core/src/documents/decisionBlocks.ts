import { addDays } from "../calendar/LocalDate.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { describeSharedFunding } from "../decision/complexNeedsReferral.js"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { Deadline } from "../deadlines/Deadline.js"
import { clockTellsSpecialCategory } from "../deadlines/specialCategoryClocks.js"
import { confirmedCasesText, type Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { outcomeLabel } from "../disagreement/DisagreementEvents.js"
import { voicedByWords } from "../disagreement/voicedOnBehalf.js"
import { agreedLines, agreedOf, outcomeWord } from "../notifications/decisionText.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { roleLabel } from "../shared/roles.js"
import { type Block, fields, paragraph, type Section, table } from "./DocumentModel.js"
import type { ChildNaming } from "./DocumentReader.js"

const progressWord = { Open: "open", Completed: "completed", Outstanding: "outstanding", Replaced: "replaced by alternative action" } as const

/** The date a decision comes back to panel by (CPR-10, LIN-7): so many weeks from the hearing. */
export const reviewDate = (decision: Decision, policy: CitingPolicy): string | undefined =>
  decision.content.returnToPanel === undefined
    ? undefined
    : `by ${formatDate(addDays(londonDateOf(decision.heardAt), decision.content.returnToPanel.withinWeeks * 7))} (${citation(decision.content.returnToPanel.ruleId, policy)})`

/** What was presented and discussed, where the record holds it: the highlights (CPR-10), the Signs of Safety minutes (LIN-5). */
export const discussionSection = (decision: Decision | undefined, naming: ChildNaming): Section => {
  const minutes = decision?.content.minutes
  const highlights = decision?.content.highlights
  const blocks = [
    ...(highlights === undefined
      ? []
      : [fields([["Presentation", naming.text(highlights.presentation)], ["Discussion", naming.text(highlights.discussion)]])]),
    ...(minutes === undefined
      ? []
      : [
          fields([
            ["What is working well", naming.text(minutes.workingWell)],
            ["What we are worried about", naming.text(minutes.worries)],
            ["What needs to happen", naming.text(minutes.needsToHappen)]
          ])
        ])
  ]
  return {
    heading: "Presentation and discussion",
    blocks: blocks.length === 0 ? [paragraph("No highlights of the presentation and discussion were recorded.")] : blocks
  }
}

/**
 * CPR-6: the shared funding found to fit, and where the Complex Needs Panel referral stands. Not for a reader who may
 * not see the child's identity: funding with SEN or health tells the child's special educational needs or health
 * (UK GDPR art. 9), as the API's `Decision.sharedFunding` is withheld.
 */
const sharedFundingText = (decision: Decision, naming: ChildNaming): string | undefined => {
  const funding = decision.content.sharedFunding
  if (funding === undefined || !naming.identity) return undefined
  const referral = decision.complexNeedsReferral
  const started = referral === undefined ? "starts when the decision is final" : `started ${formatInstant(referral.startedAt)}`
  const sent = referral?.templateSent === undefined ? "" : `; template emailed to the social worker ${formatInstant(referral.templateSent.at)}`
  return `${describeSharedFunding(funding)} fits: Complex Needs Panel referral ${started}${sent}`
}

/** How a proposal outside panel ended without being made: refused (NSO-10), or overtaken by a hearing while it waited. */
export const neverMade = (decision: Decision): "not agreed" | "lapsed" | undefined =>
  decision.status === "not_agreed" ? "not agreed" : decision.status === "lapsed" ? "lapsed" : undefined

/** Where and when; a proposal outside panel refused or overtaken was never made. */
const madeText = (decision: Decision, policy: CitingPolicy): string => {
  if (decision.madeAt === "panel") return `at panel, ${formatInstant(decision.heardAt)}`
  const outside = `outside panel (${decision.outsidePanel === undefined ? "" : citation(decision.outsidePanel.ruleId, policy)}), ${formatInstant(decision.heardAt)}`
  const ended = neverMade(decision)
  return ended === undefined ? outside : `proposed ${outside}: ${ended}`
}

/** The decision, its rationale, what was agreed, the review date and the actions with owners and dates. */
export const decisionBlocks = (decision: Decision, naming: ChildNaming, policy: CitingPolicy): ReadonlyArray<Block> => {
  const { content } = decision
  // The budget is a structured fact of the funding agreed, open in the API too (`Funding.budget`).
  const agreed = agreedLines(agreedOf(content), (budget) => budget)
  return [
    fields([
      ["Decision", outcomeWord[content.outcome]],
      ["Made", madeText(decision, policy)],
      ["Agreed only as", confirmedCasesText(decision, policy)],
      ["Request types", decision.subject.requestTypes.map((type) => requestTypeLabel[type]).join("; ")],
      ["Rationale", naming.text(content.rationale)],
      ["Agreed", agreed.length === 0 ? undefined : agreed.join(" ")],
      ["Review date", reviewDate(decision, policy)],
      ["Shared funding", sharedFundingText(decision, naming)]
    ]),
    content.actions.length === 0
      ? paragraph("No actions were set.")
      : table(
          "Actions",
          ["Action", "Owner", "Due", "Progress"],
          content.actions.map((action) => [
            naming.text(action.description),
            action.ownerName === undefined ? roleLabel[action.ownerRole] : `${action.ownerName} (${roleLabel[action.ownerRole]})`,
            formatDate(action.dueDate),
            progressWord[action.progress._tag]
          ])
        )
  ]
}

/** Whose dissent, under which rule; for a member away, with their seat and who voiced it (KNO-2). */
const dissenter = ({ member, ruleId, onBehalf }: Disagreement, policy: CitingPolicy): string =>
  onBehalf === undefined ? `${member.name} (${citation(ruleId, policy)})` : `${member.name}, ${onBehalf.memberSeat} (${citation(ruleId, policy)}; ${voicedByWords(onBehalf, policy)})`

/** A member's dissent (SUP-8, LIN-13, CPR-7): who, on what grounds, the areas noted and where it went. */
export const dissentBlocks = (disagreements: ReadonlyArray<Disagreement>, naming: ChildNaming, policy: CitingPolicy): ReadonlyArray<Block> =>
  disagreements.map((disagreement) =>
    fields([
      ["Dissent", `${dissenter(disagreement, policy)}, recorded ${formatInstant(disagreement.recordedAt)}`],
      ["Grounds", naming.text(disagreement.grounds)],
      ["Areas noted", disagreement.areas.length === 0 ? undefined : disagreement.areas.map(naming.text).join("; ")],
      ["Escalated", disagreement.escalations.length === 0 ? undefined : disagreement.escalations.map((step) => `to ${step.to.name}, ${formatInstant(step.at)}`).join("; ")],
      [
        "Outcome",
        disagreement.outcome === undefined
          ? disagreement.withdrawn === undefined ? "open" : `withdrawn: ${naming.text(disagreement.withdrawn.reason)}`
          : `${outcomeLabel[disagreement.outcome.outcome]}: ${naming.text(disagreement.outcome.rationale)}`
      ]
    ])
  )

const stateWord = { pending: "pending", due_soon: "due soon", overdue: "overdue", met: "met" } as const

/**
 * Each clock with the rule it comes from, when it was due, and whether and when it was met; for a reader who may not
 * see the child's identity, none that tells art. 9 or 10 data (CPR-6's template task, a clock naming an offence code),
 * and no clock's title, which is free text (an action's is its description), as the API withholds `Deadline.title`.
 */
export const clocksTable = (caption: string, all: ReadonlyArray<Deadline>, naming: ChildNaming): Block => {
  const deadlines = naming.identity ? all : all.filter((deadline) => !clockTellsSpecialCategory(deadline))
  return deadlines.length === 0
    ? paragraph(`${caption}: none.`)
    : table(
        caption,
        ["Clock", "Rule", "Due", "State", "Explanation"],
        deadlines.map((deadline) => [
          naming.text(deadline.title),
          deadline.ruleId,
          formatInstant(deadline.due),
          deadline.metAt === undefined ? stateWord[deadline.state] : `met ${formatInstant(deadline.metAt)}${deadline.metLate ? " (late)" : ""}`,
          deadline.explanation
        ])
      )
}
