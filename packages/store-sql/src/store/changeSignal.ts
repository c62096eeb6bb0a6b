import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Option, Schedule, Stream, SubscriptionRef } from "effect"

/** The PostgreSQL channel every append notifies with its last position, on commit (see appendCommit). */
export const changesChannel = "carepanel_events"

export interface ChangeSignalOptions {
  /**
   * How often a waiting change feed reads again without a wake-up. SQLite (default 100 ms) has no notifications
   * between processes, so this is how soon another process's append is seen; PostgreSQL (default 5 s) is woken by
   * LISTEN/NOTIFY, so this only bounds the delay after a notification lost with a dropped connection.
   */
  readonly pollInterval?: Duration.DurationInput
}

/**
 * Tells this process's change feeds when to read again: at once after an append made here, on PostgreSQL after any
 * process's append (its NOTIFY), and otherwise every poll interval. Only a wake-up: the feed reads `readAll`.
 */
export const makeChangeSignal = (options: ChangeSignalOptions = {}) =>
  Effect.gen(function* () {
    const pg = yield* Effect.serviceOption(PgClient.PgClient)
    const newest = yield* SubscriptionRef.make(0)
    const raise = (position: number) => SubscriptionRef.update(newest, (known) => Math.max(known, position))
    if (Option.isSome(pg)) {
      // A dropped listening connection ends or fails the stream: listen again; the poll covers the gap.
      yield* pg.value.listen(changesChannel).pipe(
        Stream.runForEach((payload) => raise(Number(payload) || 0)),
        Effect.catchAll((error) => Effect.logWarning(`Change feed: LISTEN failed (${error.message}); polling until it is back`)),
        Effect.repeat(Schedule.spaced(Duration.seconds(1))),
        Effect.forkScoped
      )
    }
    const pollInterval = Duration.decode(options.pollInterval ?? (Option.isSome(pg) ? Duration.seconds(5) : Duration.millis(100)))
    return {
      /** Called after an append of this process commits, with its last position. */
      raise,
      /** Waits until an append past `position` is known of, or the poll interval has passed. */
      newerThan: (position: number) =>
        Effect.race(
          newest.changes.pipe(Stream.filter((known) => known > position), Stream.runHead, Effect.asVoid),
          Effect.sleep(pollInterval)
        )
    }
  })
