import { Effect } from "effect"
import type { Authorised } from "../shared/authorise.js"
import { actedBy } from "../shared/authorise.js"
import type { DecisionState } from "./Decision.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import { evolveDecision } from "./evolveDecision.js"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import { andList } from "../shared/wordList.js"
import type { Decision } from "./Decision.js"
import { ActionAlreadyClosed, NotApplicable } from "./DecisionErrors.js"
import { type DecisionContent, fundingPartnerLabel, type SharedFunding } from "./DecisionParts.js"

/** "joint funding with Health", "tripartite funding with Special Educational Needs and Health" (CPR-6's words). */
export const describeSharedFunding = ({ partners }: SharedFunding): string =>
  `${partners.length > 1 ? "tripartite" : "joint"} funding with ${andList(partners.map((partner) => fundingPartnerLabel[partner]))}`

export const templateTaskTitle = "Complex Needs Panel referral template emailed to the social worker, for completion with SEN and health colleagues"

/** Shared funding is recorded only where the policy runs the Complex Needs Panel referral (CPR-6): otherwise nothing would follow it. */
export const sharedFundingRefusal = (content: DecisionContent, policy: AuthorityPolicy) =>
  content.sharedFunding === undefined || policy.decision.complexNeedsReferral !== undefined
    ? Effect.void
    : Effect.fail(
        new NotApplicable({
          message: `This authority runs no Complex Needs Panel referral, so ${describeSharedFunding(content.sharedFunding)} cannot be recorded on the decision: leave it out, or add decision.complexNeedsReferral to the policy.`
        })
      )

const templateClockSuffix = ":complex-needs-template"

/** Whether a clock is CPR-6's template task: it runs only where the panel found shared funding with SEN or health fits. */
export const isComplexNeedsTemplateClock = (deadline: { readonly id: string }): boolean => deadline.id.endsWith(templateClockSuffix)

/** CPR-6: the administrator's task, from the moment the referral started (the decision final with shared funding on it). */
export const complexNeedsClocks = (decision: Decision, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  const route = policy.decision.complexNeedsReferral
  const started = decision.complexNeedsReferral
  if (route === undefined || started === undefined || decision.content.sharedFunding === undefined) return []
  return [
    {
      id: `${decision.id}${templateClockSuffix}`,
      about: { kind: "decision", id: decision.id },
      title: templateTaskTitle,
      rule: route.templateToSocialWorker,
      anchor: started.startedAt,
      anchorText: `the decision finding ${describeSharedFunding(decision.content.sharedFunding)} fits, final at ${formatInstant(started.startedAt)}`,
      metAt: started.templateSent?.at
    }
  ]
}

/** CPR-6: the administrator records the template as sent, once, on a decision whose referral has started. */
export const templateSentRefusal = (decision: Decision, policy: AuthorityPolicy) => {
  const route = policy.decision.complexNeedsReferral
  if (route === undefined) {
    return Effect.fail(new NotApplicable({ message: "This authority's policy has no Complex Needs Panel referral, so there is no template to send." }))
  }
  if (decision.complexNeedsReferral === undefined) {
    return Effect.fail(
      new NotApplicable({
        message:
          decision.content.sharedFunding === undefined
            ? `This decision records no shared funding with SEN or health, so there is no Complex Needs Panel referral (${citation(route.ruleId, policy)}).`
            : `The Complex Needs Panel referral starts once the decision is final: sign it off first (${citation(route.ruleId, policy)}).`
      })
    )
  }
  if (decision.complexNeedsReferral.templateSent !== undefined) {
    return Effect.fail(new ActionAlreadyClosed({ message: `The template was already recorded as sent at ${formatInstant(decision.complexNeedsReferral.templateSent.at)}.` }))
  }
  return Effect.void
}

/**
 * CPR-6: the events of a command, and the start of the Complex Needs Panel referral when they leave the decision final
 * with shared funding on it for the first time (a sign-off, the last agreement, an amendment adding it).
 */
export const withComplexNeedsReferral = (
  events: ReadonlyArray<DecisionEvent>,
  before: DecisionState,
  policy: AuthorityPolicy,
  command: { readonly by: Authorised; readonly at: Decision["heardAt"] }
): ReadonlyArray<DecisionEvent> => {
  const route = policy.decision.complexNeedsReferral
  if (route === undefined || events.length === 0) return events
  const after = events.reduce(evolveDecision, before)
  if (after === undefined || after.status !== "final" || after.complexNeedsReferral !== undefined || after.content.sharedFunding === undefined) return events
  return [...events, { _tag: "ComplexNeedsReferralStarted", ruleId: route.ruleId, sharedFunding: after.content.sharedFunding, by: actedBy(command.by), at: command.at }]
}
