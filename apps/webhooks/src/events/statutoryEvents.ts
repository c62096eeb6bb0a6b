import { Schema } from "effect"
import { aboutChild, envelope, SourceReference } from "./eventParts.js"

const At = Schema.DateTimeUtc
const episode = { episodeRef: SourceReference, ...aboutChild }

/**
 * Statutory records the core does not hold yet. Their shapes are checked, then the delivery is answered
 * 422 "not yet supported by this version" and nothing is stored, so the case system can send it again after
 * an upgrade.
 */
export const PoliceProtectionStarted = envelope("police_protection.started", { ...episode, startedAt: At }, "Police protection (s46) started")
export const PoliceProtectionEnded = envelope("police_protection.ended", { ...episode, endedAt: At }, "Police protection (s46) ended")
export const S20AccommodationStarted = envelope(
  "accommodation.s20_started",
  { ...episode, startedAt: At, consentGivenBy: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString) },
  "Accommodation under section 20 started, with the consent of those with parental responsibility"
)
export const LegalStatusChanged = envelope(
  "legal_status.changed",
  { ...aboutChild, code: Schema.String.pipe(Schema.pattern(/^[A-Z][0-9A-Z]{1,2}$/, { message: () => "must be an SSDA903 legal status code such as V2 or C1" })), from: At },
  "The child's SSDA903 legal status changed"
)
export const VisitRecorded = envelope(
  "visit.recorded",
  { ...aboutChild, visitRef: SourceReference, visitedAt: At, seenAlone: Schema.optional(Schema.Boolean) },
  "A statutory visit to the child was recorded"
)

export const statutoryEvents = [PoliceProtectionStarted, PoliceProtectionEnded, S20AccommodationStarted, LegalStatusChanged, VisitRecorded] as const
