import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Option, Schedule, Stream } from "effect"
import { listenOn } from "./pgListener.js"

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

interface Waiter {
  readonly after: number
  readonly wake: () => void
}

/**
 * Tells this process's change feeds when to read again: at once after an append made here, on PostgreSQL after any
 * process's append (its NOTIFY, listened for from the first wait on), and otherwise every poll interval. Only a wake-up: the feed reads `readAll`.
 * A waiting feed is a callback and a timer, not a fibre or a stream: every append wakes every feed of the process,
 * so a wait must cost next to nothing.
 */
export const makeChangeSignal = (options: ChangeSignalOptions = {}) =>
  Effect.gen(function* () {
    const pg = yield* Effect.serviceOption(PgClient.PgClient)
    let newest = 0
    const waiters = new Set<Waiter>()
    const raise = (position: number) =>
      Effect.sync(() => {
        if (position <= newest) return
        newest = position
        for (const waiter of waiters) if (newest > waiter.after) waiter.wake()
      })
    // Listening starts with the first wait: a process that never follows the log (a migration, a seed, a CLI) holds no
    // listening connection. A lost listening connection (the server restarted) fails the stream: listen again every
    // second, polling meanwhile; once listening, every feed reads at once, for what was committed while nobody listened.
    const scope = yield* Effect.scope
    let listening = Option.isNone(pg)
    let lost = false
    const wakeEvery = Effect.sync(() => {
      for (const waiter of waiters) waiter.wake()
    })
    const listened = Effect.suspend(() => {
      if (!lost) return Effect.void
      lost = false
      return Effect.zipRight(Effect.logInfo("Change feed: listening again"), wakeEvery)
    })
    const listen = Effect.suspend(() => {
      if (listening || Option.isNone(pg)) return Effect.void
      listening = true
      return listenOn(pg.value.config, changesChannel, listened).pipe(
        Stream.runForEach((payload) => raise(Number(payload) || 0)),
        Effect.catchAll((error) => {
          if (lost) return Effect.void
          lost = true
          return Effect.logWarning(`Change feed: LISTEN failed (${error.message}); polling until it is back`)
        }),
        Effect.repeat(Schedule.spaced(Duration.seconds(1))),
        Effect.forkIn(scope),
        Effect.asVoid
      )
    })
    const pollMillis = Duration.toMillis(Duration.decode(options.pollInterval ?? (Option.isSome(pg) ? Duration.seconds(5) : Duration.millis(100))))
    return {
      /** Called after an append of this process commits, with its last position. */
      raise,
      /** Waits until an append past `position` is known of, or the poll interval has passed. */
      newerThan: (position: number) =>
        Effect.zipRight(listen, Effect.async<void>((resume) => {
          if (newest > position) return resume(Effect.void)
          const waiter: Waiter = {
            after: position,
            wake: () => {
              clearTimeout(timer)
              waiters.delete(waiter)
              resume(Effect.void)
            }
          }
          const timer = setTimeout(waiter.wake, pollMillis)
          waiters.add(waiter)
          return Effect.sync(() => {
            clearTimeout(timer)
            waiters.delete(waiter)
          })
        }))
    }
  })
