import { Schema } from "effect"
import { childRecordDeadlineIndex } from "../deadlines/awaiting.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { StreamRef } from "../ports/EventStore.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import { ChildRecord, type ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { type ChildRecordContext, childRecordDecider } from "./ChildRecordDecider.js"
import type { ChildRecordRefusal } from "./ChildRecordErrors.js"
import { ChildRecordEvent } from "./ChildRecordEvents.js"
import { epoEndsAt } from "./EmergencyProtectionOrder.js"

export const childRecordStreamType = "child-record"
export const childRecordCollection = "childRecords"

/** The child records read model: the folded record, plus what lists filter on (London dates). */
export const childRecordAggregate: Aggregate<ChildRecordCommand, ChildRecordEvent, ChildRecordState, ChildRecordRefusal, ChildRecordContext> = {
  streamType: childRecordStreamType,
  decider: childRecordDecider,
  events: eventCodec(ChildRecordEvent),
  readModels: (state, stream: StreamRef) => {
    if (state === undefined) return []
    // The entries are for folding: read back, the record lists its withdrawals, and the log has every event.
    const { entries, ...record } = state
    const latestEpo = state.emergencyProtectionOrders.at(-1)
    return [
      {
        collection: childRecordCollection,
        authorityId: stream.authorityId,
        id: stream.id,
        index: {
          childId: state.childId,
          /** STAT-S44: the London date the latest order ends, while no end is recorded for it. */
          epoEndsOn: latestEpo !== undefined && latestEpo.ended === undefined ? londonDateOf(epoEndsAt(latestEpo)) : null,
          ...childRecordDeadlineIndex(state)
        },
        doc: Schema.encodeSync(ChildRecord)(record)
      }
    ]
  }
}
