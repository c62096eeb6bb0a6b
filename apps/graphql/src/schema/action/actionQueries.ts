import { authorise, awaitsField, Decision, decisionCollection, decisionReaders, readAll, readWhere, stillOwed } from "@carepanel/core"
import { Effect } from "effect"
import { builder } from "../builder.js"
import { clockById, runningClocksOf } from "../deadline/deadlineQueries.js"
import { DeadlineRef } from "../deadline/deadlineType.js"
import { readList } from "../run.js"
import { RoleEnum } from "../shared/enums.js"
import { type ActionView, ActionRef } from "./actionType.js"

const ActionStateEnum = builder.enumType("ActionState", {
  description: "open: not completed (outstanding included); overdue: open and its clock has run out; all: every action.",
  values: ["open", "overdue", "all"] as const
})

const clockIdOf = (view: ActionView) => `${view.decision.id}:action:${view.action.actionId}`

builder.queryField("actions", (t) =>
  t.field({
    type: [ActionRef],
    description: "Actions from the caller's authority's decisions, soonest due first: open, overdue (by their clocks), or all; optionally by owner role.",
    args: { state: t.arg({ type: ActionStateEnum, defaultValue: "open" }), ownerRole: t.arg({ type: RoleEnum }) },
    resolve: async (_root, args, context) => {
      const state = args.state ?? "open"
      const views = await readList(context, (actor) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionReaders)
          // Open ones from the decisions marked as awaiting an action (Outstanding ones included, unlike actionOwnerRoles).
          const decisions = yield* (state === "all"
            ? readAll(decisionCollection, Decision, actor.authorityId)
            : readWhere(decisionCollection, Decision, actor.authorityId, { [awaitsField]: "action" }))
          return decisions
            .flatMap((decision) => decision.content.actions.map((action): ActionView => ({ decision, action })))
            .filter((view) => (args.ownerRole == null || view.action.ownerRole === args.ownerRole) && (state === "all" || stillOwed(view.action)))
            .sort((a, b) => a.action.dueDate.localeCompare(b.action.dueDate))
        })
      )
      if (state !== "overdue") return views
      const overdue = new Set((await runningClocksOf(context)).filter((clock) => clock.state === "overdue").map((clock) => clock.id))
      return views.filter((view) => overdue.has(clockIdOf(view)))
    }
  })
)

/** The action's own clock, with its rule and explanation. */
builder.objectField(ActionRef, "clock", (t) =>
  t.field({
    type: DeadlineRef,
    nullable: true,
    resolve: async (view, _args, context) => (await clockById(context, clockIdOf(view))) ?? null
  })
)
