import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"

/** Requests a process admitted for one client key in one window since its last flush. */
export interface RequestCount {
  readonly key: string
  /** When the window ends, in milliseconds since the epoch: every process aligns its windows to the same ends. */
  readonly windowEndsAt: number
  readonly delta: number
}

/** How many event streams one process holds open for one client key. */
export interface OpenStreams {
  readonly key: string
  readonly open: number
}

/**
 * Counts shared by every process on one store, for limits that must hold across replicas (per-client request
 * rates, open subscriptions). Not a record: never chained, signed or in the event log. Callers batch: a process
 * flushes its counts a few times a second, never once per request.
 */
export class RateCounters extends Context.Tag("@carepanel/core/RateCounters")<
  RateCounters,
  {
    /** Adds each count to its key's window and answers each key's total across every process, in the same order. */
    readonly addRequests: (counts: ReadonlyArray<RequestCount>, now: number) => Effect.Effect<ReadonlyArray<number>, PersistenceError>
    /** Replaces `processId`'s open streams (keys not listed have none) and marks the process alive at `now`. */
    readonly recordStreams: (processId: string, open: ReadonlyArray<OpenStreams>, now: number) => Effect.Effect<void, PersistenceError>
    /** The open streams per key of every other process that recorded them at or after `aliveSince`. */
    readonly otherStreams: (processId: string, aliveSince: number) => Effect.Effect<ReadonlyMap<string, number>, PersistenceError>
  }
>() {}
