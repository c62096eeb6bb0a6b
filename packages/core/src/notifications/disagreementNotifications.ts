import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Disagreement, DisagreementState } from "../disagreement/Disagreement.js"
import { disagreementClocks } from "../disagreement/disagreementClocks.js"
import { type DisagreementEvent, outcomeLabel } from "../disagreement/DisagreementEvents.js"
import { voicedByWords } from "../disagreement/voicedOnBehalf.js"
import { dissentRuleOf } from "../policy/DecisionPolicy.js"
import { type CitingPolicy, citation, headlineCitation } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { Notification } from "../ports/Notification.js"
import { actByClock, addressTo, clockNamed, factsOf, personAs, roleHolder } from "./address.js"
import { type CaseContext, type NotificationContext, redactFor, summary } from "./CaseContext.js"
import { capitalised, recordName } from "./recordName.js"

const disagreementFacts = (disagreement: Disagreement) =>
  factsOf({
    disagreementId: disagreement.id,
    decisionId: disagreement.decisionId,
    referralId: disagreement.referralId,
    sittingId: disagreement.sittingId,
    ruleId: disagreement.ruleId,
    route: disagreement.route,
    status: disagreement.status
  })

/**
 * The decision a disagreement is with, as its headlines name it: by its request's children and what it asks when the
 * case is known ("the panel's decision for child wx-1 (...)"), else by the decision's id.
 */
const decisionName = (disagreement: Disagreement, known: CaseContext | undefined): string => {
  const childIds = known?.childIds ?? []
  const requestTypes = known?.requestTypes ?? []
  return childIds.length + requestTypes.length === 0
    ? `panel decision ${disagreement.decisionId}`
    : `the panel's decision ${recordName({ childIds, requestTypes }, disagreement.decisionId)}`
}

/** The dissent in words: who, from what, why, and the areas noted. Free text goes through `redact`. */
const dissentLines = (disagreement: Disagreement, dissentRule: RuleId, policy: CitingPolicy, redact: (text: string) => string): ReadonlyArray<string> => [
  `${disagreement.member.name}${disagreement.onBehalf === undefined ? "" : ` (${voicedByWords(disagreement.onBehalf, policy)})`} formally dissents from ${
    disagreement.dissentsFrom._tag === "Decision"
      ? `panel decision ${disagreement.decisionId}`
      : `the recommended action "${summary(redact(disagreement.dissentsFrom.action), 160)}" of panel decision ${disagreement.decisionId}`
  } on request ${disagreement.referralId} (${citation(dissentRule, policy)}).`,
  `Grounds: ${summary(redact(disagreement.grounds))}`,
  ...(disagreement.areas.length === 0 ? [] : [`Areas of disagreement: ${disagreement.areas.map((area) => summary(redact(area), 160)).join("; ")}.`])
]

/**
 * Who must act after a disagreement's commit, with the clock that runs: when the dissent is recorded, the chair, to
 * note the areas of disagreement at panel (SUP-8, LIN-13; `noteAreasWithin`); once they are noted (`resolveWithin`), the member (SUP-8: raise it with your own manager) or the chair (LIN-13:
 * agree an outcome with the Assistant Director); at each escalation, the person it is escalated to by name;
 * when the outcome is recorded, the member, and for a decision varied or overturned the chair and administrator, who
 * amend it. Matches `Aggregate.notifications`.
 */
export const disagreementNotifications = (
  events: ReadonlyArray<DisagreementEvent>,
  state: DisagreementState,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  if (state === undefined) return []
  const disagreement = state
  const redact = redactFor(context)
  const dissentRule = dissentRuleOf(context.policy.disagreement)
  const clocks = disagreementClocks(disagreement, context.policy)
  const clock = (name: string) => {
    const spec = clockNamed(clocks, `${disagreement.id}:${name}`)
    return spec === undefined ? undefined : actByClock(spec, context)
  }
  const actBy = clock("outcome")
  const { ruleId } = disagreement
  const decision = decisionName(disagreement, context.case)
  const notifications: Notification[] = []
  for (const event of events) {
    switch (event._tag) {
      case "DissentRecorded":
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:dissent-recorded`,
              kind: "disagreement.dissent_recorded",
              headline: `Note the areas of disagreement with ${decision} (${headlineCitation(ruleId)})`,
              body: [
                ...dissentLines(disagreement, dissentRule, context.policy, redact),
                ...(disagreement.attendance === "not_recorded"
                  ? [`Attendance at the sitting was not recorded when the dissent was, so ${disagreement.member.name}'s attendance is not checked.`]
                  : []),
                `The areas of disagreement are noted at panel before anything is escalated (${citation(ruleId, context.policy)}).`
              ],
              actBy: clock("areas"),
              facts: disagreementFacts(disagreement)
            },
            [roleHolder("panel_chair")]
          )
        )
        break
      case "AreasOfDisagreementNoted": {
        // Only the first noting starts the clock; areas added later are in the record, not a new call to act.
        const first = disagreement.notedAt !== undefined && DateTime.Equivalence(disagreement.notedAt, event.at)
        if (!first || disagreement.status === "withdrawn" || disagreement.status === "outcome_recorded") break
        const byChair = disagreement.route === "chair_with_assistant_director"
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:areas-noted`,
              kind: "disagreement.areas_noted",
              headline: byChair
                ? `Agree an outcome with the Assistant Director on a disagreement with ${decision} (${headlineCitation(ruleId)})`
                : `Raise your disagreement with ${decision} with your own manager (${headlineCitation(ruleId)})`,
              body: [
                ...dissentLines(disagreement, dissentRule, context.policy, redact),
                byChair
                  ? `The chair agrees an outcome with the Assistant Director (${citation(ruleId, context.policy)}).`
                  : `Raise it with your own manager and ask for it to be escalated to the Assistant Director (${citation(ruleId, context.policy)}).`
              ],
              actBy,
              facts: disagreementFacts(disagreement)
            },
            [byChair ? roleHolder("panel_chair") : personAs("member", disagreement.member)]
          )
        )
        break
      }
      case "DisagreementEscalated":
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:escalated`,
              kind: "disagreement.escalated",
              headline: `A disagreement with ${decision} is escalated to you (${headlineCitation(ruleId)})`,
              body: [
                ...dissentLines(disagreement, dissentRule, context.policy, redact),
                `Escalated by ${event.by.name} at ${formatInstant(event.at)}.`,
                event.step === "member_manager"
                  ? `As the member's manager, take it to the Assistant Director (${citation(ruleId, context.policy)}).`
                  : `As Assistant Director, agree and record the outcome (${citation(ruleId, context.policy)}).`
              ],
              actBy,
              facts: factsOf({ ...disagreementFacts(disagreement), step: event.step, escalatedTo: event.to.personId })
            },
            [personAs(event.step, event.to)]
          )
        )
        break
      case "DisagreementOutcomeRecorded": {
        const body = [
          ...dissentLines(disagreement, dissentRule, context.policy, redact),
          `Outcome: ${outcomeLabel[event.outcome]}, recorded by ${event.by.name}${event.agreedWith ? ` with ${event.agreedWith.name}` : ""} (${citation(ruleId, context.policy)}).`,
          `Rationale: ${summary(redact(event.rationale))}`,
          ...(event.nextSteps === undefined ? [] : [`What happens now: ${summary(redact(event.nextSteps))}`])
        ]
        const facts = factsOf({ ...disagreementFacts(disagreement), outcome: event.outcome })
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:outcome`,
              kind: "disagreement.outcome",
              headline: `Outcome of your disagreement with ${decision}: ${outcomeLabel[event.outcome]}`,
              body,
              facts
            },
            [personAs("member", disagreement.member)]
          )
        )
        // A varied or overturned decision stands as recorded until it is amended: the chair and the administrator do that.
        if (event.outcome === "upheld") break
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:amend-decision`,
              kind: "disagreement.decision_to_amend",
              headline: `${capitalised(decision)} is ${event.outcome} after a disagreement: amend the decision (${headlineCitation(ruleId)})`,
              body: [...body, "Amend the decision to match, naming what changed, why and who approved it, so the social worker hears one answer."],
              facts
            },
            [roleHolder("panel_chair"), roleHolder("panel_administrator")]
          )
        )
        break
      }
      default:
        break
    }
  }
  return notifications
}
