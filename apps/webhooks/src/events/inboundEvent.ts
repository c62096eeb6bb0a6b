import { Schema } from "effect"
import { childRecordEvents } from "./childRecordEvents.js"
import { placementEvents } from "./placementEvents.js"
import { DocumentAttached, RequestApproved, RequestReturned, RequestSubmitted, RequestWithdrawn } from "./requestEvents.js"

/** The events this version applies to the core. */
export const appliedEvents = [RequestSubmitted, RequestApproved, RequestReturned, RequestWithdrawn, DocumentAttached, ...placementEvents, ...childRecordEvents] as const

export const InboundEvent = Schema.Union(...appliedEvents)
export type InboundEvent = typeof InboundEvent.Type
export type AppliedEvent = (typeof appliedEvents)[number]["Type"]

const typeOf = (schema: (typeof InboundEvent.members)[number]) => schema.fields.type.literals[0]

export const inboundEventTypes = InboundEvent.members.map(typeOf)
export type InboundEventType = InboundEvent["type"]

export const schemaOfType = new Map(InboundEvent.members.map((schema) => [typeOf(schema) as string, schema]))
