import { formatInstant } from "../calendar/format.js"
import { citation, headlineCitation } from "../policy/citation.js"
import { describeSharedFunding } from "../decision/complexNeedsReferral.js"
import type { Decision } from "../decision/Decision.js"
import type { DecisionEvent } from "../decision/DecisionEvents.js"
import type { Notification } from "../ports/Notification.js"
import { addressTo, type Facts, factsOf } from "./address.js"
import type { NotificationContext } from "./CaseContext.js"
import { forChildren } from "./recordName.js"

/** Each child as CPR-6 asks: the name and the case system's number, for the Complex Needs Panel's own records. */
const childLines = (decision: Decision, context: NotificationContext): ReadonlyArray<string> => {
  const children = context.case?.children
  if (children === undefined || children.length === 0) {
    return [`Children: ${decision.subject.childIds.join(", ")}: the request could not be read, so look up their names and case numbers on request ${decision.subject.referralId}.`]
  }
  return children.map(({ fullName, caseNumber }) => `Child: ${fullName}, case number ${caseNumber?.trim() || "not recorded on the request"}`)
}

/**
 * CPR-6: when the referral starts (the decision final with shared funding on it), the Complex Needs Panel's
 * administrator, named by the policy, is told the child's name and case number for future reference. This body
 * names the child on purpose, as the terms of reference ask; the headline and facts never do (the headline tells one
 * referral from another by the children's case ids), and webhooks carry no body.
 */
export const complexNeedsNotice = (
  events: ReadonlyArray<DecisionEvent>,
  decision: Decision,
  context: NotificationContext,
  decisionFacts: Facts
): ReadonlyArray<Notification> => {
  const route = context.policy.decision.complexNeedsReferral
  const started = decision.complexNeedsReferral
  const funding = decision.content.sharedFunding
  if (route === undefined || started === undefined || funding === undefined) return []
  if (!events.some((event) => event._tag === "ComplexNeedsReferralStarted")) return []
  const panel = context.policy.panels.length === 1 ? `The ${context.policy.panels[0].name}` : "The panel"
  return addressTo(
    decision.authorityId,
    {
      id: `${decision.id}:complex-needs`,
      kind: "decision.complex_needs_referral",
      headline: `Complex Needs Panel referral to come ${forChildren(decision.subject.childIds)}: ${describeSharedFunding(funding)} (${headlineCitation(route.ruleId)})`,
      body: [
        `${panel} found that ${describeSharedFunding(funding)} fits (${citation(route.ruleId, context.policy)}); the decision was final at ${formatInstant(started.startedAt)}.`,
        ...childLines(decision, context),
        "The panel administrator is emailing the Complex Needs Panel referral template to the social worker, for completion with SEN and health colleagues and submission to you.",
        `For future reference: request ${decision.subject.referralId}, decision ${decision.id}.`
      ],
      facts: factsOf({ ...decisionFacts, ruleId: route.ruleId, fundingPartners: funding.partners.join(",") })
    },
    [{ key: "complex_needs_panel_administrator", recipient: route.notify }]
  )
}
