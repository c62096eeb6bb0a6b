import { Schema } from "effect"
import { placementDeadlineIndex } from "../deadlines/awaiting.js"
import { caseForChild } from "../notifications/caseFor.js"
import { placementNotifications } from "../notifications/placementNotifications.js"
import { Effect } from "effect"
import { londonDateOf } from "../calendar/londonTime.js"
import type { StreamRef } from "../ports/EventStore.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import { currentExpiry, isUnderPoliceProtection, Placement, type PlacementState, placementCollection } from "./Placement.js"
import type { PlacementCommand } from "./PlacementCommands.js"
import { type PlacementContext, placementDecider } from "./PlacementDecider.js"
import type { PlacementRefusal } from "./PlacementErrors.js"
import { PlacementEvent } from "./PlacementEvents.js"

export const placementStreamType = "placement"
export { placementCollection }

/** The placements read model: the folded placement, plus the fields lists are filtered on (London dates). */
export const placementAggregate: Aggregate<PlacementCommand, PlacementEvent, PlacementState, PlacementRefusal, PlacementContext> = {
  streamType: placementStreamType,
  decider: placementDecider,
  events: eventCodec(PlacementEvent),
  notifications: (events, state, context) =>
    state === undefined
      ? Effect.succeed([])
      : caseForChild(state.authorityId, state.childId).pipe(
          Effect.map((known) => placementNotifications(events, state, known ? { ...context, case: known } : context))
        ),
  readModels: (state, stream: StreamRef) => {
    if (state === undefined) return []
    const expiry = state.status === "placed" && state.approval ? currentExpiry(state.approval) : undefined
    return [
      {
        collection: placementCollection,
        authorityId: stream.authorityId,
        id: stream.id,
        index: {
          status: state.status,
          childId: state.childId,
          urgent: state.urgent,
          /** STAT-S46: until an outcome is recorded, whether placed with carers or not (SSDA903 L1). */
          underPoliceProtection: isUnderPoliceProtection(state),
          placedOn: state.placement ? londonDateOf(state.placement.placedAt) : null,
          /** The London date the running temporary approval ends; null unless placed, or pending a review. */
          expiresOn: expiry ? londonDateOf(expiry) : null,
          extended: state.approval?.extension !== undefined,
          pendingReview: state.approval?.pendingReview !== undefined,
          ...placementDeadlineIndex(state)
        },
        doc: Schema.encodeSync(Placement)(state)
      }
    ]
  }
}
