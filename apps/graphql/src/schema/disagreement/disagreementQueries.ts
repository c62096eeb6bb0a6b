import { DecisionId, DisagreementId, DisagreementStatus, Disagreements, ReferralId, SittingId } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { decodeArgs, optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { read, readList, using } from "../run.js"
import { DisagreementStatusEnum } from "../shared/enums.js"
import { DisagreementRef } from "./disagreementType.js"

builder.queryField("disagreement", (t) =>
  t.field({
    type: DisagreementRef,
    args: { id: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) =>
        decodeArgs(DisagreementId, args.id, ["id"]).pipe(Effect.flatMap((id) => using(Disagreements, (disagreements) => disagreements.get(actor, id))))
      )
  })
)

const Filter = Schema.Struct({
  status: optional(DisagreementStatus),
  decisionId: optional(DecisionId),
  referralId: optional(ReferralId),
  sittingId: optional(SittingId)
})

builder.queryField("disagreements", (t) =>
  t.field({
    type: [DisagreementRef],
    description: "The caller's authority's disagreements (panel members, managers, administrators and auditors).",
    args: { status: t.arg({ type: DisagreementStatusEnum }), decisionId: t.arg.id(), referralId: t.arg.id(), sittingId: t.arg.id() },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        decodeArgs(Filter, args).pipe(Effect.flatMap((filter) => using(Disagreements, (disagreements) => disagreements.list(actor, filter))))
      )
  })
)
