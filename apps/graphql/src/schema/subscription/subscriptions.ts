import { authorise, Decisions, DecisionId, decisionReaders, deadlineReaders, recordedDecisionOf } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { filter } from "graphql-yoga"
import { decodeArgs, optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { DecisionRef } from "../decision/decisionType.js"
import { listedTo } from "../deadline/deadlineQueries.js"
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
    description: "A clock of the caller's authority came due soon or went overdue (the server looks at the clocks every minute by default, and whenever any process writes to the store).",
    subscribe: async (_root, _args, context) => {
      await readList(context, (actor) => authorise(actor, deadlineReaders))
      const authorityId = context.actor.authorityId
      const changes = await context.pubsub.listeners.follow(authorityId, context.pubsub.subscribe("deadlineChanged", authorityId))
      // As the deadlines list (listedTo): a clock whose existence tells art. 9 or 10 data is not sent to every caller.
      const listed = listedTo(context)
      return filter((change: DeadlineChange) => listed(change.deadline))(changes)
    },
    resolve: (change) => change
  })
)

/** A decision recorded, where the change feed had it: `position` resumes a subscription after it. */
interface RecordedDecision {
  readonly position: number
  readonly decisionId: string
}

const DecisionRecordedRef = builder.objectRef<RecordedDecision>("DecisionRecorded").implement({
  description: "A decision recorded through any process on the store, and its position in the store's change feed.",
  fields: (t) => ({
    position: t.string({
      description: "Where this decision is in the store's change feed: pass it as `after` to hear the decisions recorded after it.",
      resolve: (recorded) => String(recorded.position)
    }),
    decision: t.field({
      type: DecisionRef,
      resolve: (recorded, _args, context) =>
        readList(context, (actor) => using(Decisions, (decisions) => decisions.get(actor, DecisionId.make(recorded.decisionId))))
    })
  })
})

const ResumeArgs = Schema.Struct({ after: optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())) })

builder.subscriptionField("decisionRecorded", (t) =>
  t.field({
    type: DecisionRecordedRef,
    description:
      "A decision of the caller's authority was recorded (at panel or outside it) through any process on the store, after its " +
      "command committed, in the order they committed. Give `after` (an earlier event's `position`) to hear first every decision " +
      "recorded since, with none missed and none twice; without it, only decisions recorded from now on.",
    args: { after: t.arg.string({ description: "The `position` of the last decision heard: resume after it." }) },
    subscribe: async (_root, args, context) => {
      const { after } = await readList(context, (actor) =>
        Effect.zipRight(authorise(actor, decisionReaders), decodeArgs(ResumeArgs, args))
      )
      const authorityId = context.actor.authorityId
      return context.feed.from(after ?? context.feed.newest(), (event): RecordedDecision | undefined => {
        const decisionId = event.stream.authorityId === authorityId ? recordedDecisionOf(event) : undefined
        return decisionId === undefined ? undefined : { position: event.position, decisionId }
      })
    },
    resolve: (recorded) => recorded
  })
)
