import { authorise, Decision, DecisionId, decisionCollection, decisionReaders, Decisions } from "@carepanel/core"
import { Effect } from "effect"
import { decodeArgs } from "../../graphql/decodeInput.js"
import { type PageArgs, readModelPage } from "../../graphql/pagination.js"
import { builder } from "../builder.js"
import { ReferralRef } from "../referral/referralType.js"
import { read, readList, using } from "../run.js"
import { DecisionStatusEnum, OutcomeEnum } from "../shared/enums.js"
import { DecisionRef } from "./decisionType.js"

builder.queryField("decision", (t) =>
  t.field({
    type: DecisionRef,
    args: { id: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) => decodeArgs(DecisionId, args.id, ["id"]).pipe(Effect.flatMap((id) => using(Decisions, (decisions) => decisions.get(actor, id)))))
  })
)

const present = (entries: Readonly<Record<string, string | null | undefined>>) =>
  Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined))

/** Decisions of the caller's authority, filtered by index fields; decision readers only (not every role). */
export const decisionsPage = (where: Readonly<Record<string, string>>, args: PageArgs) =>
  (actor: Parameters<typeof authorise>[0]) =>
    Effect.gen(function* () {
      yield* authorise(actor, decisionReaders)
      return yield* readModelPage({ collection: decisionCollection, schema: Decision, authorityId: actor.authorityId, where, args })
    })

builder.queryField("decisions", (t) =>
  t.connection({
    type: DecisionRef,
    description: "The caller's authority's decisions, oldest first.",
    args: {
      referralId: t.arg.id(),
      sittingId: t.arg.id(),
      childId: t.arg.id(),
      status: t.arg({ type: DecisionStatusEnum }),
      outcome: t.arg({ type: OutcomeEnum }),
      heardOn: t.arg({ type: "Date" })
    },
    resolve: (_root, args, context) =>
      readList(
        context,
        decisionsPage(
          present({ referralId: args.referralId, sittingId: args.sittingId, childIds: args.childId, status: args.status, outcome: args.outcome, heardOn: args.heardOn }),
          args
        )
      )
  })
)

/** The decisions about a request, in the order they were made. */
builder.objectField(ReferralRef, "decisions", (t) =>
  t.field({
    type: [DecisionRef],
    resolve: (referral, _args, context) =>
      readList(context, (actor) => decisionsPage({ referralId: referral.id }, { first: 100 })(actor).pipe(Effect.map((page) => page.edges.map((edge) => edge.node))))
  })
)
