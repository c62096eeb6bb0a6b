import { RealDateTimeUtc } from "@carepanel/core"
import { Schema } from "effect"
import { aboutChild, envelope, SourceReference } from "./eventParts.js"

const At = RealDateTimeUtc

/**
 * Statutory records the core does not hold yet (no visits). Their shapes are checked, then the
 * delivery is answered 422 "not yet supported by this version" and nothing is stored, so the case system can send it
 * again after an upgrade.
 */
export const VisitRecorded = envelope(
  "visit.recorded",
  { ...aboutChild, visitRef: SourceReference, visitedAt: At, seenAlone: Schema.optional(Schema.Boolean) },
  "A statutory visit to the child was recorded"
)

export const statutoryEvents = [VisitRecorded] as const
