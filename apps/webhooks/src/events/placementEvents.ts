import { BasicTestAnswers, ChildId, ConnectedCarer, EndReason, PoliceProtectionOutcome, RealDateTimeUtc, S20ConsentRecord } from "@carepanel/core"
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

export const S20ConsentWithdrawn = envelope(
  "accommodation.s20_consent_withdrawn",
  {
    ...placementRef,
    withdrawnBy: Schema.NonEmptyTrimmedString.annotations({ description: "The person with parental responsibility who withdrew consent" }),
    withdrawnAt: Schema.optional(RealDateTimeUtc).annotations({
      description: "When consent was withdrawn: the s20 basis ends then, however late the delivery is applied; when the receiver applies it if absent"
    })
  },
  "A person with parental responsibility withdrew consent to the child's s20 accommodation (s20(8), STAT-S20-CONSENT) at withdrawnAt: the s20 basis ends then, and an urgent alert goes out"
)

export const PlacementEnded = envelope(
  "placement.ended",
  { ...placementRef, reason: EndReason, endedAt: RealDateTimeUtc },
  "The child left the placement at endedAt, for reason: its clocks stop then, and so does the looked-after period it ends (the child returned home from s20 accommodation, or from a Regulation 24 placement with no legal status recorded)"
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

export const placementEvents = [
  ConnectedPersonPlacementStarted,
  PoliceProtectionStarted,
  PoliceProtectionEnded,
  S20AccommodationStarted,
  S20ConsentWithdrawn,
  PlacementEnded,
  VisitRecorded
] as const
