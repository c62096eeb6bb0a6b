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
}

/** Notifications written with their command's events, waiting for delivery. */
export class Outbox extends Context.Tag("@carepanel/core/Outbox")<
  Outbox,
  {
    /** Pending entries whose next attempt is due at `now`, oldest first. */
    readonly due: (now: string, limit: number) => Effect.Effect<ReadonlyArray<OutboxEntry>, PersistenceError>
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
