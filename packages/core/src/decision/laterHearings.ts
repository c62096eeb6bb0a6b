import { DateTime, Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { rememberingResolver } from "../deadlines/clock.js"
import { actedBy } from "../shared/authorise.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { earliestOf } from "../shared/earliestOf.js"
import type { Decision } from "./Decision.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { NotApplicable } from "./DecisionErrors.js"
import type { HearingOfDecision } from "./DecisionParts.js"
import { emit } from "./decideShared.js"

/**
 * What a decision learns when a later decision on its request is recorded: the hearing, and the request types whose
 * automatic reviews (NSO-9) it was, under the policy then (see `LaterHearing`). Its clocks and `awaits` markers use
 * them, so a decision whose return or review a later hearing has met is no longer read for the running deadlines.
 */
const reviewOf = (decision: Decision, hearing: HearingOfDecision, { policy, calendar }: AuthorityContext) => {
  const opensAt = rememberingResolver(calendar)
  return decision.subject.requestTypes.filter((type) => {
    const reviews = policy.decision.automaticReviews.filter((review) => review.forRequestTypes.includes(type))
    return (
      hearing.atPanel &&
      reviews.length > 0 &&
      reviews.every((review) => !DateTime.lessThan(hearing.heardAt, opensAt(review.earliest.clock, decision.heardAt).due))
    )
  })
}

/** Noted once: a hearing already on the decision writes nothing; one not after it is refused. */
export const decideLaterHearing = (command: Extract<DecisionCommand, { readonly _tag: "NoteLaterHearing" }>, decision: Decision, context: AuthorityContext) => {
  const { hearing } = command
  if (!DateTime.greaterThan(hearing.heardAt, decision.heardAt)) {
    return Effect.fail(new NotApplicable({ message: "Only a hearing after the decision is a later hearing of its request." }))
  }
  if (decision.laterHearings.some((noted) => noted.decisionId === hearing.decisionId)) return Effect.succeed(emit())
  return Effect.succeed(
    emit({ _tag: "LaterHearingNoted", hearing: { ...hearing, reviewOf: reviewOf(decision, hearing, context) }, by: actedBy(command.by), at: command.at })
  )
}

/** Noted once (NSO-9): the first time the child's record shows the pre-proceedings over; a decision already told writes nothing. */
export const decidePreProceedingsOver = (command: Extract<DecisionCommand, { readonly _tag: "NotePreProceedingsOver" }>, decision: Decision) =>
  decision.preProceedingsOver !== undefined
    ? emit()
    : emit({ _tag: "PreProceedingsOverNoted", overAt: command.overAt, how: command.how, by: actedBy(command.by), at: command.at })

/** The hearing that overtook a proposal outside panel still waiting for an agreement, as its sheet and notice say it. */
export const heardAgain = (hearing: HearingOfDecision) =>
  hearing.atPanel
    ? `the request was heard at the sitting on ${formatDate(londonDateOf(hearing.heardAt))}`
    : `the request was decided outside panel at ${formatInstant(hearing.heardAt)}`

/** The first later hearing the decision has been told of, or that `hearings` (of its request) show. */
export const firstHeardAgainAt = (decision: Decision, hearings: ReadonlyArray<{ readonly heardAt: DateTime.Utc }>) =>
  earliestOf([...decision.laterHearings, ...hearings].map((hearing) => hearing.heardAt).filter((at) => DateTime.greaterThan(at, decision.heardAt)))

/** The first noted hearing that was a review of any of these request types. */
export const firstNotedReviewOf = (decision: Decision, types: ReadonlyArray<string>) =>
  earliestOf(decision.laterHearings.filter((hearing) => hearing.reviewOf.some((type) => types.includes(type))).map((hearing) => hearing.heardAt))
