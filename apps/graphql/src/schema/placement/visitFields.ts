import type { FirstReview, PlacementPlan, Visit } from "@carepanel/core"
import { builder } from "../builder.js"
import { ActedByRef } from "../shared/objects.js"
import { PlacementRef } from "./placementType.js"

const VisitRef = builder.objectRef<Visit>("Visit").implement({
  description: "STAT-R28: a visit to the child in the placement by the authority's representative.",
  fields: (t) => ({
    visitedAt: t.field({ type: "DateTime", resolve: (visit) => visit.visitedAt }),
    visitor: t.exposeString("visitor", { description: "Who visited." }),
    seenAlone: t.exposeBoolean("seenAlone", { description: "Whether the child was seen alone." }),
    notSeenAloneReason: t.string({ nullable: true, description: "Why the child was not seen alone.", resolve: (visit) => visit.notSeenAloneReason ?? null }),
    by: t.field({ type: ActedByRef, resolve: (visit) => visit.by }),
    at: t.field({ type: "DateTime", resolve: (visit) => visit.at })
  })
})

const PlacementPlanRef = builder.objectRef<PlacementPlan>("PlacementPlan").implement({
  description: "STAT-R9: the placement plan, prepared before the placement or within 5 working days of its start.",
  fields: (t) => ({
    preparedAt: t.field({ type: "DateTime", resolve: (plan) => plan.preparedAt }),
    by: t.field({ type: ActedByRef, resolve: (plan) => plan.by }),
    at: t.field({ type: "DateTime", resolve: (plan) => plan.at })
  })
})

const FirstReviewRef = builder.objectRef<FirstReview>("FirstLookedAfterReview").implement({
  description: "The child's first looked-after review (regulation 33): from then on visits are at most 4-weekly, not weekly (STAT-R28).",
  fields: (t) => ({
    heldAt: t.field({ type: "DateTime", resolve: (review) => review.heldAt }),
    by: t.field({ type: ActedByRef, resolve: (review) => review.by }),
    at: t.field({ type: "DateTime", resolve: (review) => review.at })
  })
})

builder.objectFields(PlacementRef, (t) => ({
  visits: t.field({
    type: [VisitRef],
    description: "STAT-R28: the visits to the child in the placement, earliest first; their clocks are in `clocks`.",
    resolve: (placement) => [...(placement.visits ?? [])].sort((a, b) => a.visitedAt.epochMillis - b.visitedAt.epochMillis)
  }),
  placementPlan: t.field({ type: PlacementPlanRef, nullable: true, resolve: (placement) => placement.placementPlan ?? null }),
  firstLookedAfterReview: t.field({ type: FirstReviewRef, nullable: true, resolve: (placement) => placement.firstReview ?? null })
}))
