import { Schema } from "effect"
import { disagreementDeadlineIndex } from "../deadlines/awaiting.js"
import { caseWithPlacementsFor } from "../notifications/caseFor.js"
import { disagreementNotifications } from "../notifications/disagreementNotifications.js"
import { Effect } from "effect"
import type { StreamRef } from "../ports/EventStore.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import { Disagreement, type DisagreementState } from "./Disagreement.js"
import type { DisagreementCommand } from "./DisagreementCommands.js"
import { disagreementDecider } from "./DisagreementDecider.js"
import type { DisagreementRefusal } from "./DisagreementErrors.js"
import { DisagreementEvent } from "./DisagreementEvents.js"

export const disagreementStreamType = "disagreement"
export const disagreementCollection = "disagreements"

/** The disagreement read model: the folded disagreement, filterable by status and by what it is about. */
export const disagreementAggregate: Aggregate<
  DisagreementCommand,
  DisagreementEvent,
  DisagreementState,
  DisagreementRefusal,
  AuthorityContext
> = {
  streamType: disagreementStreamType,
  decider: disagreementDecider,
  events: eventCodec(DisagreementEvent),
  notifications: (events, state, context) =>
    state === undefined
      ? Effect.succeed([])
      : caseWithPlacementsFor(state.authorityId, state.referralId).pipe(
          Effect.map((known) => disagreementNotifications(events, state, known ? { ...context, case: known } : context))
        ),
  readModels: (state, stream: StreamRef) =>
    state === undefined
      ? []
      : [
          {
            collection: disagreementCollection,
            authorityId: stream.authorityId,
            id: stream.id,
            index: {
              status: state.status,
              decisionId: state.decisionId,
              referralId: state.referralId,
              sittingId: state.sittingId,
              ...disagreementDeadlineIndex(state)
            },
            doc: Schema.encodeSync(Disagreement)(state)
          }
        ]
}
