import { authorise, LocalDate, londonDateOf, Referral, ReferralId, referralCollection, referralReaders, Referrals } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { decodeArgs } from "../../graphql/decodeInput.js"
import { readModelPage } from "../../graphql/pagination.js"
import { builder } from "../builder.js"
import { read, readList, using } from "../run.js"
import { ReferralStatusEnum, RequestTypeEnum } from "../shared/enums.js"
import { ReferralRef } from "./referralType.js"

builder.queryField("referral", (t) =>
  t.field({
    type: ReferralRef,
    description: "One request of the caller's authority. Another authority's answers exactly as a missing one (NotFound).",
    args: { id: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) =>
        decodeArgs(ReferralId, args.id, ["id"]).pipe(Effect.flatMap((id) => using(Referrals, (referrals) => referrals.get(actor, id))))
      )
  })
)

const DateRange = Schema.Struct({ createdFrom: Schema.optional(LocalDate), createdTo: Schema.optional(LocalDate) })

builder.queryField("referrals", (t) =>
  t.connection({
    type: ReferralRef,
    description: "The caller's authority's requests, oldest first, filtered on any of the arguments together.",
    args: {
      status: t.arg({ type: ReferralStatusEnum }),
      sittingId: t.arg.id(),
      childId: t.arg.id(),
      teamId: t.arg.id(),
      panelId: t.arg.id(),
      requestType: t.arg({ type: RequestTypeEnum }),
      createdOn: t.arg({ type: "Date", description: "Created on this London date." }),
      createdFrom: t.arg({ type: "Date", description: "Created on or after this London date." }),
      createdTo: t.arg({ type: "Date", description: "Created on or before this London date." })
    },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        Effect.gen(function* () {
          yield* authorise(actor, referralReaders)
          const range = yield* decodeArgs(DateRange, { createdFrom: args.createdFrom, createdTo: args.createdTo })
          const where = Object.fromEntries(
            Object.entries({
              status: args.status,
              sittingId: args.sittingId,
              childIds: args.childId,
              teamId: args.teamId,
              panelId: args.panelId,
              requestTypes: args.requestType,
              createdOn: args.createdOn
            }).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
          )
          const { createdFrom: from, createdTo: to } = range
          return yield* readModelPage({
            collection: referralCollection,
            schema: Referral,
            authorityId: actor.authorityId,
            where,
            args,
            ...(from === undefined && to === undefined
              ? {}
              : {
                  keep: (referral: Referral) => {
                    const day = londonDateOf(referral.createdAt)
                    return (from === undefined || day >= from) && (to === undefined || day <= to)
                  }
                })
          })
        })
      )
  })
)
