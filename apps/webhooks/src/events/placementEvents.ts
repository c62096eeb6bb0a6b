import { BasicTestAnswers, ChildId, ConnectedCarer } from "@carepanel/core"
import { Schema } from "effect"
import { envelope, SourceReference } from "./eventParts.js"

export const ConnectedPersonPlacementStarted = envelope(
  "placement.connected_person_started",
  {
    placementRef: SourceReference,
    childId: ChildId,
    basicTest: BasicTestAnswers,
    placedAt: Schema.DateTimeUtc,
    carers: Schema.NonEmptyArray(ConnectedCarer)
  },
  "A child was placed with a connected person (Regulation 24): the basic test and the placement"
)
