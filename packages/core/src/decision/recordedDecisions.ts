import type { StoredEvent } from "../ports/EventStore.js"
import { DecisionId } from "../shared/ids.js"
import { decisionStreamType } from "./decisionAggregate.js"

/** The events with which a decision comes into being: at panel (CPR-8) or agreed outside it. */
const recordedTypes: ReadonlySet<string> = new Set(["DecisionRecorded", "OutsidePanelAgreementRecorded"])

/** The decision an event of the change feed records, if it records one (any later event of a decision does not). */
export const recordedDecisionOf = (event: StoredEvent): DecisionId | undefined =>
  event.stream.streamType === decisionStreamType && recordedTypes.has(event.type) ? DecisionId.make(event.stream.id) : undefined
