import { BasicTestAnswers, ChildId, ConnectedCarer, PoliceProtectionOutcome, RealDateTimeUtc, S20ConsentRecord } from "@carepanel/core"
import { Schema } from "effect"
import { envelope, SourceReference } from "./eventParts.js"

/** The connected-person placement the case system started, by its own reference: police protection and s20 are recorded on it. */
const placementRef = { placementRef: SourceReference }

export const ConnectedPersonPlacementStarted = envelope(
  "placement.connected_person_started",
  {
    ...placementRef,
    childId: ChildId,
    basicTest: BasicTestAnswers,
    placedAt: RealDateTimeUtc,
    carers: Schema.NonEmptyArray(ConnectedCarer)
  },
  "A child was placed with a connected person (Regulation 24): the basic test and the placement"
)

export const PoliceProtectionStarted = envelope(
  "police_protection.started",
  { ...placementRef, startedAt: RealDateTimeUtc },
  "The child of the placement came under police protection (s46) at startedAt: its 72-hour clock starts (STAT-S46)"
)

export const PoliceProtectionEnded = envelope(
  "police_protection.ended",
  { ...placementRef, outcome: PoliceProtectionOutcome, endedAt: RealDateTimeUtc },
  "Police protection (s46) ended at endedAt by one of the outcomes that end it (STAT-S46); placing the child with carers is not one"
)

export const S20AccommodationStarted = envelope(
  "accommodation.s20_started",
  { ...placementRef, ...S20ConsentRecord.fields },
  "The child of the placement was accommodated under s20: each consent of a person with parental responsibility in full, and the child's wishes (STAT-S20-CONSENT)"
)

export const VisitRecorded = envelope(
  "visit.recorded",
  {
    ...placementRef,
    visitedAt: RealDateTimeUtc,
    visitor: Schema.optional(Schema.NonEmptyTrimmedString).annotations({ description: "Who visited; the acting staff member when absent" }),
    seenAlone: Schema.Boolean,
    notSeenAloneReason: Schema.optional(Schema.NonEmptyTrimmedString).annotations({ description: "Why the child was not seen alone: required when seenAlone is false" })
  },
  "A statutory visit to the child of the placement (STAT-R28): when, who visited, whether the child was seen alone and, if not, why; meets the visit clock due"
)

export const placementEvents = [ConnectedPersonPlacementStarted, PoliceProtectionStarted, PoliceProtectionEnded, S20AccommodationStarted, VisitRecorded] as const
