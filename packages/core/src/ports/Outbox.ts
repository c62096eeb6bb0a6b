import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { Notification } from "./Notification.js"

export type OutboxState = "pending" | "delivered" | "dead"

export interface OutboxEntry {
  readonly notification: Notification
  readonly state: OutboxState
  readonly attempts: number
  /** ISO instant before which the entry is not retried. */
  readonly nextAttemptAt: string
  readonly lastError?: string
  /** The dispatcher holding the entry and until when (ISO), while one is delivering it. */
  readonly lease?: { readonly owner: string; readonly until: string }
}

/** Notifications written with their command's events, waiting for delivery. */
export class Outbox extends Context.Tag("@carepanel/core/Outbox")<
  Outbox,
  {
    /** Pending entries whose next attempt is due at `now`, oldest first. */
    readonly due: (now: string, limit: number) => Effect.Effect<ReadonlyArray<OutboxEntry>, PersistenceError>
    /**
     * Claims up to `limit` pending entries due at `now` that no unexpired lease holds, oldest first, leasing
     * them to `lease.owner` until `lease.until` (ISO): each entry is claimed by one dispatcher at a time, however
     * many share the store. A lease that expired (its dispatcher was killed) is taken over. `markDelivered`
     * and `markFailed` release it.
     */
    readonly claim: (
      now: string,
      limit: number,
      lease: { readonly owner: string; readonly until: string }
    ) => Effect.Effect<ReadonlyArray<OutboxEntry>, PersistenceError>
    /** Gives a claimed entry back unchanged, without counting an attempt (its dispatcher is stopping). */
    readonly release: (id: string) => Effect.Effect<void, PersistenceError>
    readonly markDelivered: (id: string) => Effect.Effect<void, PersistenceError>
    readonly markFailed: (
      id: string,
      failure: { readonly error: string; readonly nextAttemptAt: string; readonly dead: boolean }
    ) => Effect.Effect<void, PersistenceError>
    readonly get: (id: string) => Effect.Effect<OutboxEntry | undefined, PersistenceError>
    /**
     * Queues notifications that no command caused (clock reminders). An id already queued keeps its first
     * entry, so a job that runs again never sends twice.
     */
    readonly enqueue: (notifications: ReadonlyArray<Notification>, now: string) => Effect.Effect<void, PersistenceError>
  }
>() {}
