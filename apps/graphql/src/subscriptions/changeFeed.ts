import { followChanges, followNewestPosition, newestPosition, type StoredEvent } from "@carepanel/core"
import { Effect, Fiber, type ManagedRuntime, Option, Stream } from "effect"
import type { AppServices } from "../app/appLayer.js"

/** The store's change feed as subscriptions use it: async iterables on the app's runtime. */
export interface AppChangeFeed {
  /** The newest position this process has seen: where a subscription that gives no `after` starts. */
  readonly newest: () => number
  /** Emits whenever the feed brings events past `newest` (from any process): a wake-up, without the events. */
  readonly writes: Stream.Stream<void>
  /**
   * The events after `after` that `pick` keeps, as it maps them, for as long as the subscriber listens, through the
   * store's faults (`followChanges`). Ending the iteration (a closed connection) stops the feed at once.
   */
  readonly from: <A>(after: number, pick: (event: StoredEvent) => A | undefined) => AsyncIterable<A>
}

/** Starts following the store's newest position; `stop` ends it. */
export const startChangeFeed = async (runtime: ManagedRuntime.ManagedRuntime<AppServices, unknown>) => {
  let newest = await runtime.runPromise(newestPosition)
  const listeners = new Set<() => void>()
  const follower = runtime.runFork(
    followNewestPosition((position) => {
      newest = Math.max(newest, position)
      for (const listener of listeners) listener()
    }, newest)
  )
  const effectRuntime = await runtime.runtime()
  const feed: AppChangeFeed = {
    newest: () => newest,
    writes: Stream.async<void>((emit) => {
      const listener = () => void emit.single(undefined)
      listeners.add(listener)
      return Effect.sync(() => listeners.delete(listener))
    }),
    from: (after, pick) =>
      Stream.toAsyncIterableRuntime(
        followChanges(after).pipe(Stream.filterMap((event) => Option.fromNullable(pick(event)))),
        effectRuntime
      )
  }
  return { feed, stop: () => runtime.runPromise(Fiber.interrupt(follower)) }
}
