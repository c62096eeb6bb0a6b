import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Disagreement, DisagreementState } from "../disagreement/Disagreement.js"
import { disagreementClocks } from "../disagreement/disagreementClocks.js"
import { type DisagreementEvent, outcomeLabel } from "../disagreement/DisagreementEvents.js"
import type { Notification } from "../ports/Notification.js"
import { actByClock, addressTo, factsOf, personAs, roleHolder } from "./address.js"
import { type NotificationContext, redactFor, summary } from "./CaseContext.js"

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

/** The dissent in words: who, from what, why, and the areas noted. Free text goes through `redact`. */
const dissentLines = (disagreement: Disagreement, redact: (text: string) => string): ReadonlyArray<string> => [
  `${disagreement.member.name} formally dissents from ${
    disagreement.dissentsFrom._tag === "Decision"
      ? `panel decision ${disagreement.decisionId}`
      : `the recommended action "${summary(redact(disagreement.dissentsFrom.action), 160)}" of panel decision ${disagreement.decisionId}`
  } on request ${disagreement.referralId} (CPR-7).`,
  `Grounds: ${summary(redact(disagreement.grounds))}`,
  ...(disagreement.areas.length === 0 ? [] : [`Areas of disagreement: ${disagreement.areas.map((area) => summary(redact(area), 160)).join("; ")}.`])
]

/**
 * Who must act after a disagreement's commit, with the escalation clock (the authority's `resolveWithin`):
 * once the areas are noted at panel, the member (SUP-8: raise it with your own manager) or the chair (LIN-13:
 * agree an outcome with the Assistant Director); at each escalation, the person it is escalated to by name;
 * when the outcome is recorded, the member. Matches `Aggregate.notifications`.
 */
export const disagreementNotifications = (
  events: ReadonlyArray<DisagreementEvent>,
  state: DisagreementState,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  if (state === undefined) return []
  const disagreement = state
  const redact = redactFor(context)
  const [clock] = disagreementClocks(disagreement, context.policy)
  const actBy = clock === undefined ? undefined : actByClock(clock, context.calendar)
  const { ruleId } = disagreement
  const notifications: Notification[] = []
  for (const event of events) {
    switch (event._tag) {
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
                ? `Agree an outcome with the Assistant Director on a disagreement with panel decision ${disagreement.decisionId} (${ruleId})`
                : `Raise your disagreement with panel decision ${disagreement.decisionId} with your own manager (${ruleId})`,
              body: [
                ...dissentLines(disagreement, redact),
                byChair
                  ? `The chair agrees an outcome with the Assistant Director (${ruleId}).`
                  : `Raise it with your own manager and ask for it to be escalated to the Assistant Director (${ruleId}).`
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
              headline: `A disagreement with panel decision ${disagreement.decisionId} is escalated to you (${ruleId})`,
              body: [
                ...dissentLines(disagreement, redact),
                `Escalated by ${event.by.name} at ${formatInstant(event.at)}.`,
                event.step === "member_manager"
                  ? `As the member's manager, take it to the Assistant Director (${ruleId}).`
                  : `As Assistant Director, agree and record the outcome (${ruleId}).`
              ],
              actBy,
              facts: factsOf({ ...disagreementFacts(disagreement), step: event.step, escalatedTo: event.to.personId })
            },
            [personAs(event.step, event.to)]
          )
        )
        break
      case "DisagreementOutcomeRecorded":
        notifications.push(
          ...addressTo(
            disagreement.authorityId,
            {
              id: `${disagreement.id}:outcome`,
              kind: "disagreement.outcome",
              headline: `Outcome of your disagreement with panel decision ${disagreement.decisionId}: ${outcomeLabel[event.outcome]}`,
              body: [
                ...dissentLines(disagreement, redact),
                `Outcome: ${outcomeLabel[event.outcome]}, recorded by ${event.by.name}${event.agreedWith ? ` with ${event.agreedWith.name}` : ""} (${ruleId}).`,
                `Rationale: ${summary(redact(event.rationale))}`
              ],
              facts: factsOf({ ...disagreementFacts(disagreement), outcome: event.outcome })
            },
            [personAs("member", disagreement.member)]
          )
        )
        break
      default:
        break
    }
  }
  return notifications
}
