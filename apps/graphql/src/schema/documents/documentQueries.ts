import { ChildId, DecisionId, Documents, type DocumentRequest, SittingId } from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { GraphQLResolveInfo } from "graphql"
import { decodeInput } from "../../graphql/decodeInput.js"
import type { GraphQLContext } from "../../graphql/context.js"
import { builder } from "../builder.js"
import { read, using } from "../run.js"
import { decisionSheetPath, minutesPath, PanelDocumentRef } from "./documentType.js"

/** The caller, their identity grant, and the operation's name as the access log's purpose. */
export const documentRequest = (context: GraphQLContext, info: GraphQLResolveInfo): DocumentRequest => ({
  actor: context.actor,
  identityGranted: context.caller.identityGranted,
  purpose: info.operation.name?.value ?? `unnamed ${info.operation.operation}`
})

builder.queryField("minutes", (t) =>
  t.field({
    type: PanelDocumentRef,
    description: "A sitting's minutes at the record's current stage (CPR-10, CPR-11): the panel, its chairs and administrators, managers, auditors and integrators.",
    args: { sittingId: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context, info) =>
      read(context, () =>
        decodeInput(SittingId, args.sittingId, ["sittingId"]).pipe(
          Effect.flatMap((sittingId) => using(Documents, (documents) => documents.minutes(documentRequest(context, info), sittingId))),
          Effect.map((model) => ({ model, path: minutesPath(String(args.sittingId)) }))
        )
      )
  })
)

builder.queryField("decisionSheet", (t) =>
  t.field({
    type: PanelDocumentRef,
    description: "One child's decision sheet (NSO-8): the decision, who signed and finalised it, every amendment, the rule behind each clock.",
    args: { decisionId: t.arg.id({ required: true }), childId: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context, info) =>
      read(context, () =>
        decodeInput(Schema.Struct({ decisionId: DecisionId, childId: ChildId }), args, []).pipe(
          Effect.flatMap(({ decisionId, childId }) => using(Documents, (documents) => documents.decisionSheet(documentRequest(context, info), decisionId, childId))),
          Effect.map((model) => ({ model, path: decisionSheetPath(String(args.decisionId), String(args.childId)) }))
        )
      )
  })
)
