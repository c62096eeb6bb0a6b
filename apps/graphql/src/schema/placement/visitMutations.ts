import { PlacementId, Placements } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { placementRefusals } from "../errors/refusals.js"
import { commandMutation } from "../mutation.js"
import { using } from "../run.js"
import { PlacementRef } from "./placementType.js"

const type = PlacementRef
const refusals = placementRefusals

commandMutation("recordVisit", {
  description:
    "STAT-R28: a visit to the child in the placement: when, who visited (default the caller), whether the child was seen alone and, if not, why. Refused before the placement, after it ended, or still to come.",
  type,
  refusals,
  fields: (t) => ({
    placementId: t.id({ required: true }),
    visitedAt: t.field({ type: "DateTime", required: true }),
    visitor: t.string(),
    seenAlone: t.boolean({ required: true }),
    notSeenAloneReason: t.string()
  }),
  schema: Schema.Struct({
    placementId: PlacementId,
    visitedAt: Schema.DateTimeUtc,
    visitor: optional(Schema.NonEmptyTrimmedString),
    seenAlone: Schema.Boolean,
    notSeenAloneReason: optional(Schema.String)
  }),
  execute: (actor, { placementId, visitedAt, visitor, seenAlone, notSeenAloneReason }) =>
    using(Placements, (placements) =>
      placements.recordVisit(actor, placementId, {
        visitedAt,
        seenAlone,
        ...(visitor === undefined ? {} : { visitor }),
        ...(notSeenAloneReason === undefined ? {} : { notSeenAloneReason })
      })
    )
})

commandMutation("recordPlacementPlan", {
  description: "STAT-R9: the placement plan was prepared at preparedAt (default now), before the placement or within 5 working days of it.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), preparedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ placementId: PlacementId, preparedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, preparedAt }) => using(Placements, (placements) => placements.recordPlacementPlan(actor, placementId, preparedAt))
})

commandMutation("recordFirstLookedAfterReview", {
  description: "Regulation 33's first looked-after review was held at heldAt: for this Regulation 24 placement, visits go from weekly to at most every 4 weeks (STAT-R28).",
  deprecationReason:
    "Record the review on the child with recordLookedAfterReview (STAT-R33): it also starts the next review's clock, and the placement's visits follow the child's first review.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), heldAt: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, heldAt: Schema.DateTimeUtc }),
  execute: (actor, { placementId, heldAt }) => using(Placements, (placements) => placements.recordFirstReview(actor, placementId, heldAt))
})
