import { Actor, AuthorityId, Deadlines, type Deadline, PersonId } from "@carepanel/core"
import { Duration, Effect } from "effect"
import type { AppPubSub, DeadlineChange } from "./pubsub.js"

/** Who the watcher reads deadlines as: a system reader of each authority, nobody's person. */
const watcherAt = (authorityId: string) =>
  new Actor({ personId: PersonId.make("system-deadline-watcher"), name: "Carepanel deadline watcher", authorityId: AuthorityId.make(authorityId), roles: ["auditor"] })

const alarming = (state: Deadline["state"]) => state === "due_soon" || state === "overdue"

/** The changes worth telling subscribers between two polls: a clock now due soon or overdue that was not before. */
export const changesBetween = (before: ReadonlyMap<string, Deadline["state"]>, now: ReadonlyArray<Deadline>): ReadonlyArray<DeadlineChange> =>
  now
    .filter((deadline) => alarming(deadline.state) && before.get(deadline.id) !== deadline.state)
    .map((deadline) => ({ deadline, previousState: before.get(deadline.id) ?? null }))

/**
 * Polls each authority's deadlines every `every` and publishes the clocks that came due soon or went overdue.
 * The first poll, one interval after the start, only takes the baseline. A failed poll is logged and tried again next time.
 */
export const watchDeadlines = (authorityIds: ReadonlyArray<string>, pubsub: AppPubSub, every: Duration.DurationInput) =>
  Effect.gen(function* () {
    const deadlines = yield* Deadlines
    const known = new Map<string, Map<string, Deadline["state"]>>()
    const poll = Effect.forEach(authorityIds, (authorityId) =>
      deadlines.forAuthority(watcherAt(authorityId), { includeMet: true }).pipe(
        Effect.tap((current) =>
          Effect.sync(() => {
            const before = known.get(authorityId)
            if (before !== undefined) for (const change of changesBetween(before, current)) pubsub.publish("deadlineChanged", authorityId, change)
            known.set(authorityId, new Map(current.map((deadline) => [deadline.id, deadline.state])))
          })
        ),
        Effect.catchAll((error) => Effect.logWarning(`Deadline poll failed for ${authorityId}: ${error.message}`))
      )
    )
    return yield* poll.pipe(Effect.delay(Duration.decode(every)), Effect.forever)
  })
