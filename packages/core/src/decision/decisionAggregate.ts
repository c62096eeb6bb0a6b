import { londonDateOf } from "../calendar/londonTime.js"
import { Schema } from "effect"
import { caseWithPlacementsFor } from "../notifications/caseFor.js"
import { decisionNotifications } from "../notifications/decisionNotifications.js"
import { Effect } from "effect"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import { decisionDeadlineIndex } from "../deadlines/awaiting.js"
import { Decision, type DecisionState, openActions } from "./Decision.js"
import { type DecisionCommand, DecisionCommandBody } from "./DecisionCommands.js"
import { decisionDecider } from "./DecisionDecider.js"
import type { DecisionRefusal } from "./DecisionErrors.js"
import { DecisionEvent } from "./DecisionEvents.js"

export const decisionStreamType = "decision"
export const decisionCollection = "decisions"

export const decisionAggregate: Aggregate<DecisionCommand, DecisionEvent, DecisionState, DecisionRefusal, AuthorityContext> = {
  streamType: decisionStreamType,
  decider: decisionDecider,
  events: eventCodec(DecisionEvent),
  commands: DecisionCommandBody,
  notifications: (events, state, context) =>
    state === undefined
      ? Effect.succeed([])
      : caseWithPlacementsFor(state.authorityId, state.subject.referralId).pipe(
          Effect.map((known) => decisionNotifications(events, state, known ? { ...context, case: known } : context))
        ),
  readModels: (state, stream) =>
    state === undefined
      ? []
      : [
          {
            collection: decisionCollection,
            authorityId: stream.authorityId,
            id: stream.id,
            index: {
              status: state.status,
              outcome: state.content.outcome,
              madeAt: state.madeAt,
              referralId: state.subject.referralId,
              sittingId: state.sittingId ?? null,
              childIds: [...state.subject.childIds],
              requestTypes: [...state.subject.requestTypes],
              /** The London date, as every date the API takes (an evening in summer is already the next day in UTC). */
              heardOn: londonDateOf(state.heardAt),
              openActions: openActions(state).length,
              actionOwnerRoles: [...new Set(openActions(state).map((action) => action.ownerRole))],
              ...decisionDeadlineIndex(state)
            },
            doc: Schema.encodeSync(Decision)(state)
          }
        ]
}
