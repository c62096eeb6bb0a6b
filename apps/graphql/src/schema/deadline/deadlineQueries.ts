import { type Deadline, Deadlines } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { GraphQLError } from "graphql"
import { builder } from "../builder.js"
import { readList, using } from "../run.js"
import { DeadlineStateEnum } from "../shared/enums.js"
import { DeadlineRef, DeadlineSubjectKindEnum } from "./deadlineType.js"

export interface DeadlineFilter {
  readonly states?: ReadonlyArray<Deadline["state"]> | null | undefined
  readonly dueWithinDays?: number | null | undefined
  readonly aboutKind?: Deadline["about"]["kind"] | null | undefined
  readonly aboutId?: string | null | undefined
}

/** The caller's authority's clocks, computed now, narrowed by state, subject and due window. */
export const deadlinesFor = (filter: DeadlineFilter, includeMet: boolean) => (actor: Parameters<Deadlines["forAuthority"]>[0]) =>
  Effect.gen(function* () {
    const all = yield* using(Deadlines, (deadlines) => deadlines.forAuthority(actor, { includeMet }))
    const now = yield* DateTime.now
    const horizon = filter.dueWithinDays == null ? undefined : now.epochMillis + filter.dueWithinDays * 86_400_000
    return all.filter(
      (deadline) =>
        (filter.states == null || filter.states.includes(deadline.state)) &&
        (filter.aboutKind == null || deadline.about.kind === filter.aboutKind) &&
        (filter.aboutId == null || deadline.about.id === filter.aboutId) &&
        (horizon === undefined || deadline.due.epochMillis <= horizon)
    )
  })

builder.queryField("deadlines", (t) =>
  t.field({
    type: [DeadlineRef],
    description:
      "Every clock of the caller's authority, soonest first, each with its rule id and explanation. " +
      "dueWithinDays: due within N days from now (overdue ones included); states: e.g. [overdue] or [due_soon, overdue].",
    args: {
      states: t.arg({ type: [DeadlineStateEnum] }),
      dueWithinDays: t.arg.int(),
      aboutKind: t.arg({ type: DeadlineSubjectKindEnum }),
      aboutId: t.arg.string(),
      includeMet: t.arg.boolean({ defaultValue: false })
    },
    resolve: (_root, args, context) => {
      if (args.dueWithinDays != null && (args.dueWithinDays < 0 || args.dueWithinDays > 3660)) {
        throw new GraphQLError("dueWithinDays must be from 0 to 3660.", { extensions: { code: "BAD_USER_INPUT" } })
      }
      return readList(context, deadlinesFor(args, args.includeMet === true || (args.states ?? []).includes("met")))
    }
  })
)
