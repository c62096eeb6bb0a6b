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

const Filter = Schema.Struct({ status: optional(PlacementStatus), childId: optional(ChildId) })

builder.queryField("placements", (t) =>
  t.field({
    type: [PlacementRef],
    description: "The caller's authority's Regulation 24 placements, by status and/or child.",
    args: { status: t.arg({ type: PlacementStatusEnum }), childId: t.arg.id() },
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
