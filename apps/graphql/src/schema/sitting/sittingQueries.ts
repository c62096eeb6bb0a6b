import { Agendas, LocalDate, PanelId, SittingId, Sittings } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { decodeArgs, optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { ReferralRef } from "../referral/referralType.js"
import { read, readList, using } from "../run.js"
import { AgendaEntryRef, SittingRef } from "./sittingType.js"

const Range = Schema.Struct({ from: optional(LocalDate), to: optional(LocalDate), panelId: optional(PanelId) })

builder.queryField("sittings", (t) =>
  t.field({
    type: [SittingRef],
    description: "The caller's authority's sittings between two London dates (both included), soonest first.",
    args: { from: t.arg({ type: "Date" }), to: t.arg({ type: "Date" }), panelId: t.arg.id() },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        decodeArgs(Range, args).pipe(Effect.flatMap((filter) => using(Sittings, (sittings) => sittings.list(actor, filter))))
      )
  })
)

builder.queryField("sitting", (t) =>
  t.field({
    type: SittingRef,
    args: { id: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) => decodeArgs(SittingId, args.id, ["id"]).pipe(Effect.flatMap((id) => using(Sittings, (sittings) => sittings.get(actor, id)))))
  })
)

builder.queryField("agendaProposal", (t) =>
  t.field({
    type: [AgendaEntryRef],
    description: "What a sitting should hear: accepted requests, reviews falling due, decisions made outside panel (administrators).",
    args: { sittingId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        decodeArgs(SittingId, args.sittingId, ["sittingId"]).pipe(Effect.flatMap((id) => using(Agendas, (agendas) => agendas.propose(actor, id))))
      )
  })
)

/** The sitting a request is on (the caller's authority only). */
builder.objectField(ReferralRef, "sitting", (t) =>
  t.field({
    type: SittingRef,
    nullable: true,
    resolve: (referral, _args, context) =>
      referral.sittingId === undefined ? null : read(context, (actor) => using(Sittings, (sittings) => sittings.get(actor, referral.sittingId!)))
  })
)
