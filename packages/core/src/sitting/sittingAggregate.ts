import { Schema } from "effect"
import { caseFor } from "../notifications/caseFor.js"
import { sittingNotifications } from "../notifications/sittingNotifications.js"
import { Effect } from "effect"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import { sittingDeadlineIndex } from "../deadlines/awaiting.js"
import { childrenOnAgenda, Sitting, type SittingState } from "./Sitting.js"
import type { SittingCommand } from "./SittingCommands.js"
import { sittingDecider } from "./SittingDecider.js"
import type { SittingRefusal } from "./SittingErrors.js"
import { SittingEvent } from "./SittingEvents.js"

export const sittingStreamType = "sitting"
export const sittingCollection = "sittings"

export const sittingAggregate: Aggregate<SittingCommand, SittingEvent, SittingState, SittingRefusal, AuthorityContext> = {
  streamType: sittingStreamType,
  decider: sittingDecider,
  events: eventCodec(SittingEvent),
  notifications: (events, state, context) => {
    // A sheet filed on a child's file is news for the child's caseholder: the case of the request it came from.
    const filed = events.find((event) => event._tag === "ChildRecordUploaded" && event.sheet !== undefined)
    return state === undefined || filed?._tag !== "ChildRecordUploaded"
      ? Effect.succeed(sittingNotifications(events, state, context))
      : caseFor(state.authorityId, filed.referralId).pipe(Effect.map((known) => sittingNotifications(events, state, known ? { ...context, case: known } : context)))
  },
  readModels: (state, stream) =>
    state === undefined
      ? []
      : [
          {
            collection: sittingCollection,
            authorityId: stream.authorityId,
            id: stream.id,
            index: {
              panelId: state.panelId,
              date: state.date,
              cancelled: state.cancelled !== undefined,
              referralIds: state.agenda.map((item) => item.referralId),
              childIds: [...childrenOnAgenda(state)],
              ...sittingDeadlineIndex(state)
            },
            doc: Schema.encodeSync(Sitting)(state)
          }
        ]
}
