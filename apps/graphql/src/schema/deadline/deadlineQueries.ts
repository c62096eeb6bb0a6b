import { type Deadline, Deadlines, isComplexNeedsTemplateClock } from "@carepanel/core"
import type { GraphQLContext } from "../../graphql/context.js"
import { refuseOutOfRange } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { revealsIdentity } from "../disclosure/applyDisclosure.js"
import { appNow } from "../shared/appNow.js"
import { readList, using } from "../run.js"
import { DeadlineStateEnum } from "../shared/enums.js"
import { DeadlineRef, DeadlineSubjectKindEnum } from "./deadlineType.js"

export interface DeadlineFilter {
  readonly states?: ReadonlyArray<Deadline["state"]> | null | undefined
  readonly dueWithinDays?: number | null | undefined
  readonly aboutKind?: Deadline["about"]["kind"] | null | undefined
  readonly aboutId?: string | null | undefined
}

/** Worked out once per GraphQL request however many fields ask for it. */
const oncePerRequest = <A>(compute: (context: GraphQLContext) => Promise<A>) => {
  const answers = new WeakMap<GraphQLContext, Promise<A>>()
  return (context: GraphQLContext): Promise<A> => {
    let answer = answers.get(context)
    if (answer === undefined) {
      answer = compute(context)
      answers.set(context, answer)
    }
    return answer
  }
}

/** The authority's clocks, met ones included. */
export const clocksOf = oncePerRequest((context) => readList(context, (actor) => using(Deadlines, (deadlines) => deadlines.forAuthority(actor, { includeMet: true }))))

/** The authority's running clocks: read from the records that may have one, not the whole history. */
export const runningClocksOf = oncePerRequest((context) => readList(context, (actor) => using(Deadlines, (deadlines) => deadlines.forAuthority(actor))))

/** The request's clocks by id and by subject, built once: a list of actions or placements asks for one each. */
interface ClockIndex {
  readonly byId: ReadonlyMap<string, Deadline>
  readonly bySubject: ReadonlyMap<string, ReadonlyArray<Deadline>>
}
const clockIndexOf = oncePerRequest(
  (context): Promise<ClockIndex> =>
    clocksOf(context).then((clocks) => {
      const bySubject = new Map<string, Deadline[]>()
      for (const clock of clocks) {
        const of = bySubject.get(clock.about.id)
        if (of === undefined) bySubject.set(clock.about.id, [clock])
        else of.push(clock)
      }
      return { byId: new Map(clocks.map((clock) => [clock.id, clock])), bySubject }
    })
)

/** One clock of the caller's authority by its id. */
export const clockById = async (context: GraphQLContext, id: string): Promise<Deadline | undefined> => (await clockIndexOf(context)).byId.get(id)

/** The caller's authority's clocks, narrowed by state, subject and due window; met ones only when asked. */
/**
 * Whether a clock is listed to the caller: CPR-6's template task, whose very existence tells that SEN or health funding
 * fits (art. 9), is not, to an integrator without the identity scope. (A looked-after review counted from an offence
 * code is listed: every looked-after child has one; its explanation is withheld, fieldScopes.ts.)
 */
export const listedTo =
  (context: GraphQLContext) =>
  (deadline: Pick<Deadline, "id">): boolean =>
    revealsIdentity(context) || !isComplexNeedsTemplateClock(deadline)

export const deadlinesFor = async (context: GraphQLContext, filter: DeadlineFilter, includeMet: boolean) => {
  const all =
    filter.aboutId != null ? ((await clockIndexOf(context)).bySubject.get(filter.aboutId) ?? []) : includeMet ? await clocksOf(context) : await runningClocksOf(context)
  // From the app's clock, which each clock's state was computed against.
  const horizon = filter.dueWithinDays == null ? undefined : (await appNow(context)) + filter.dueWithinDays * 86_400_000
  const listed = listedTo(context)
  return all.filter(
    (deadline) =>
      listed(deadline) &&
      (includeMet || deadline.state !== "met") &&
      (filter.states == null || filter.states.includes(deadline.state)) &&
      (filter.aboutKind == null || deadline.about.kind === filter.aboutKind) &&
      (filter.aboutId == null || deadline.about.id === filter.aboutId) &&
      (horizon === undefined || deadline.due.epochMillis <= horizon)
  )
}

/** Ten years: the furthest clock a panel sets is months away. */
const maxDueWithinDays = 3660

builder.queryField("deadlines", (t) =>
  t.field({
    type: [DeadlineRef],
    description:
      "Every clock of the caller's authority, soonest first, each with its rule id and explanation. " +
      "dueWithinDays: due within N days from now (overdue ones included); states: e.g. [overdue] or [due_soon, overdue].",
    args: {
      states: t.arg({ type: [DeadlineStateEnum] }),
      dueWithinDays: t.arg.int({ description: `From 0 to ${maxDueWithinDays}.` }),
      aboutKind: t.arg({ type: DeadlineSubjectKindEnum }),
      aboutId: t.arg.string(),
      includeMet: t.arg.boolean({ defaultValue: false })
    },
    resolve: (_root, args, context) => {
      const outOfRange = args.dueWithinDays == null ? undefined : refuseOutOfRange("dueWithinDays", args.dueWithinDays, maxDueWithinDays)
      return outOfRange ? readList(context, () => outOfRange) : deadlinesFor(context, args, args.includeMet === true || (args.states ?? []).includes("met"))
    }
  })
)
