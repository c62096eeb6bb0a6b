import { authorise, Decisions, DecisionId, decisionReaders, deadlineReaders } from "@carepanel/core"
import { builder } from "../builder.js"
import { DecisionRef } from "../decision/decisionType.js"
import { DeadlineRef } from "../deadline/deadlineType.js"
import { readList, using } from "../run.js"
import { DeadlineStateEnum } from "../shared/enums.js"
import type { DeadlineChange } from "../../subscriptions/pubsub.js"

const DeadlineChangeRef = builder.objectRef<DeadlineChange>("DeadlineChange").implement({
  description: "A clock that came due soon or went overdue since the server last looked.",
  fields: (t) => ({
    deadline: t.field({ type: DeadlineRef, resolve: (change) => change.deadline }),
    previousState: t.field({ type: DeadlineStateEnum, nullable: true, resolve: (change) => change.previousState })
  })
})

builder.subscriptionType({ description: "Server-Sent Events (Accept: text/event-stream), scoped to the caller's authority." })

builder.subscriptionField("deadlineChanged", (t) =>
  t.field({
    type: DeadlineChangeRef,
    description: "A clock of the caller's authority came due soon or went overdue (the server polls the clocks every minute by default).",
    subscribe: async (_root, _args, context) => {
      await readList(context, (actor) => authorise(actor, deadlineReaders))
      return context.pubsub.subscribe("deadlineChanged", context.actor.authorityId)
    },
    resolve: (change) => change
  })
)

builder.subscriptionField("decisionRecorded", (t) =>
  t.field({
    type: DecisionRef,
    description: "A decision of the caller's authority was recorded (at panel or outside it), after its command committed.",
    subscribe: async (_root, _args, context) => {
      await readList(context, (actor) => authorise(actor, decisionReaders))
      return context.pubsub.subscribe("decisionRecorded", context.actor.authorityId)
    },
    resolve: (payload, _args, context) =>
      readList(context, (actor) => using(Decisions, (decisions) => decisions.get(actor, DecisionId.make(payload.decisionId))))
  })
)
