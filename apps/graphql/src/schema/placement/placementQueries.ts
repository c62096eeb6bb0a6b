import { ChildId, PlacementId, Placements, PlacementStatus } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { decodeArgs, optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { deadlinesFor } from "../deadline/deadlineQueries.js"
import { DeadlineRef } from "../deadline/deadlineType.js"
import { read, readList, using } from "../run.js"
import { PlacementStatusEnum } from "../shared/enums.js"
import { PlacementRef } from "./placementType.js"

builder.queryField("placement", (t) =>
  t.field({
    type: PlacementRef,
    args: { id: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) => decodeArgs(PlacementId, args.id, ["id"]).pipe(Effect.flatMap((id) => using(Placements, (placements) => placements.get(actor, id)))))
  })
)

const Filter = Schema.Struct({
  status: optional(PlacementStatus),
  childId: optional(ChildId),
  urgent: optional(Schema.Boolean),
  underPoliceProtection: optional(Schema.Boolean),
  extended: optional(Schema.Boolean),
  pendingReview: optional(Schema.Boolean)
})

builder.queryField("placements", (t) =>
  t.field({
    type: [PlacementRef],
    description: "The caller's authority's Regulation 24 placements; every filter given applies. Add `status: placed` for those still running.",
    args: {
      status: t.arg({ type: PlacementStatusEnum }),
      childId: t.arg.id(),
      urgent: t.arg.boolean({ description: "To act on now (LIN-15): police protection recorded or s20 consent withdrawn, until the placement ends." }),
      underPoliceProtection: t.arg.boolean({ description: "Under police protection until its outcome is recorded (STAT-S46), ended placements included." }),
      extended: t.arg.boolean({ description: "The temporary approval was extended (STAT-R25-1)." }),
      pendingReview: t.arg.boolean({ description: "The temporary approval runs on until an independent review's outcome (STAT-R25-2)." })
    },
    resolve: (_root, args, context) =>
      readList(context, (actor) => decodeArgs(Filter, args).pipe(Effect.flatMap((filter) => using(Placements, (placements) => placements.list(actor, filter)))))
  })
)

/** The placement's clocks (STAT-R24, STAT-R25-1, LIN-16, LIN-18, STAT-S46), met ones included. */
builder.objectField(PlacementRef, "clocks", (t) =>
  t.field({
    type: [DeadlineRef],
    resolve: (placement, _args, context) => deadlinesFor(context, { aboutKind: "placement", aboutId: placement.id }, true)
  })
)
