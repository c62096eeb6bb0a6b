import { Actor, AuthorityId, Deadlines, type Deadline, EventStore, followChanges, PersonId } from "@carepanel/core"
import { Chunk, Duration, Effect, Runtime, Schedule, Stream } from "effect"
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
 * Looks at each authority's deadlines every `every` (time alone turns a clock due soon or overdue), and as soon as the
 * store's change feed brings a write from any process after position `from` (a decision, a placement met; or whenever
 * `writes` emits, when given: the app's one follower of the feed, so that each append is not read once more by the
 * watcher), and publishes the clocks that came due soon or went overdue. After a write only the authorities whose log
 * has moved since their last look are looked at again: one event read each, not every clock of every authority (at
 * five years, tens of milliseconds an authority). The first look only takes the baseline. Looks never pile up: writes
 * during a look or just after it make one more look. A failed look is logged and tried again next time. Only
 * authorities with a subscriber are looked at.
 */
export const watchDeadlines = (
  authorityIds: ReadonlyArray<string>,
  pubsub: AppPubSub,
  every: Duration.DurationInput,
  from: number,
  writesSeen?: Stream.Stream<void>
) =>
  Effect.gen(function* () {
    const deadlines = yield* Deadlines
    const store = yield* EventStore
    const known = new Map<string, Map<string, Deadline["state"]>>()
    // Per authority, where the log ended when it was last looked at: its clocks reflect every write up to there.
    const lookedUpTo = new Map<string, number>()
    const look = (authorityId: string) =>
      Effect.gen(function* () {
        const newest = yield* store.newestPosition
        const current = yield* deadlines.forAuthority(watcherAt(authorityId))
        const before = known.get(authorityId)
        if (before !== undefined) for (const change of changesBetween(before, current)) pubsub.publish("deadlineChanged", authorityId, change)
        known.set(authorityId, new Map(current.map((deadline) => [deadline.id, deadline.state])))
        lookedUpTo.set(authorityId, newest)
      }).pipe(Effect.catchAll((error) => Effect.logWarning(`Deadline poll failed for ${authorityId}: ${error.message}`)))
    /** Whether the authority has an event after its last look (if the store cannot say, assume it has). */
    const moved = (authorityId: string) => {
      const since = lookedUpTo.get(authorityId)
      if (since === undefined) return Effect.succeed(true)
      return store.readAll({ after: since, limit: 1, authorityId: AuthorityId.make(authorityId) }).pipe(
        Effect.map((events) => events.length > 0),
        Effect.orElseSucceed(() => true)
      )
    }
    // Set by the ticks: the next poll looks at every authority listened to, moved or not.
    let tickDue = false
    // An authority nobody listens to is not looked at; its baseline is dropped and taken again for its next listener.
    const poll = Effect.suspend(() => {
      const everyOne = tickDue
      tickDue = false
      return Effect.forEach(authorityIds, (authorityId) => {
        if (!pubsub.listeners.isHeard(authorityId)) {
          known.delete(authorityId)
          lookedUpTo.delete(authorityId)
          return Effect.void
        }
        return everyOne ? look(authorityId) : Effect.flatMap(moved(authorityId), (yes) => (yes ? look(authorityId) : Effect.void))
      })
    })
    const runtime = yield* Effect.runtime<never>()
    pubsub.listeners.takeBaselineWith((authorityId) => {
      known.delete(authorityId)
      lookedUpTo.delete(authorityId)
      return Runtime.runPromise(runtime)(Effect.asVoid(look(authorityId)))
    })
    const writes = writesSeen ?? followChanges(from).pipe(
      Stream.chunks,
      Stream.filter((events) => Chunk.isNonEmpty(events)),
      Stream.as(undefined)
    )
    const ticks = Stream.fromSchedule(Schedule.spaced(every)).pipe(Stream.mapEffect(() => Effect.sync(() => (tickDue = true))), Stream.as(undefined))
    // A burst of writes makes one look, not one per write: looks are at least a second (or `every`) apart.
    const rest = Duration.min(Duration.decode(every), Duration.seconds(1))
    return yield* Stream.merge(ticks, writes).pipe(
      Stream.buffer({ capacity: 1, strategy: "sliding" }),
      Stream.runForEach(() => Effect.zipRight(poll, Effect.sleep(rest)))
    )
  })
