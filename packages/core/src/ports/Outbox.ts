import { Context, type Effect, Schema } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { Notification } from "./Notification.js"

/**
 * The ways a notification leaves Carepanel. Every notification is queued once per channel and each channel
 * keeps its own delivery state: an email that bounces does not hold back the webhook to the case system,
 * and the webhook's retries never resend the email.
 */
export const NotificationChannel = Schema.Literal("email", "webhook")
export type NotificationChannel = typeof NotificationChannel.Type
export const notificationChannels: ReadonlyArray<NotificationChannel> = NotificationChannel.literals

export type OutboxState = "pending" | "delivered" | "dead"

/** One notification's delivery on one channel. */
export interface OutboxEntry {
  readonly notification: Notification
  readonly channel: NotificationChannel
  readonly state: OutboxState
  readonly attempts: number
  /** ISO instant before which the entry is not retried. */
  readonly nextAttemptAt: string
  readonly lastError?: string
  /** The dispatcher holding the entry and until when (ISO), while one is delivering it. */
  readonly lease?: { readonly owner: string; readonly until: string }
}

/** A notification with its place in the order they were queued (increasing, with gaps). */
export interface QueuedNotification {
  readonly position: number
  readonly notification: Notification
  /** ISO instant it was queued. */
  readonly queuedAt: string
}

/**
 * Notifications written with their command's events, waiting for delivery on each channel. Every method but
 * `enqueue` works on one channel's entries only: dispatchers of different channels never see each other's.
 */
export class Outbox extends Context.Tag("@carepanel/core/Outbox")<
  Outbox,
  {
    /** The channel's pending entries whose next attempt is due at `now`, oldest first. */
    readonly due: (
      channel: NotificationChannel,
      now: string,
      limit: number
    ) => Effect.Effect<ReadonlyArray<OutboxEntry>, PersistenceError>
    /**
     * Claims up to `limit` of the channel's pending entries due at `now` that no unexpired lease holds, oldest
     * first, leasing them to `lease.owner` until `lease.until` (ISO): each entry is claimed by one dispatcher
     * at a time, however many share the store. A lease that expired (its dispatcher was killed) is taken over.
     * `markDelivered` and `markFailed` release it.
     */
    readonly claim: (
      channel: NotificationChannel,
      now: string,
      limit: number,
      lease: { readonly owner: string; readonly until: string }
    ) => Effect.Effect<ReadonlyArray<OutboxEntry>, PersistenceError>
    /** Gives a claimed entry back unchanged, without counting an attempt (its dispatcher is stopping). */
    readonly release: (channel: NotificationChannel, id: string) => Effect.Effect<void, PersistenceError>
    readonly markDelivered: (channel: NotificationChannel, id: string) => Effect.Effect<void, PersistenceError>
    readonly markFailed: (
      channel: NotificationChannel,
      id: string,
      failure: { readonly error: string; readonly nextAttemptAt: string; readonly dead: boolean }
    ) => Effect.Effect<void, PersistenceError>
    readonly get: (channel: NotificationChannel, id: string) => Effect.Effect<OutboxEntry | undefined, PersistenceError>
    /**
     * Queues notifications that no command caused (clock reminders), on every channel. An id already queued
     * keeps its first entries, so a job that runs again never sends twice.
     */
    readonly enqueue: (notifications: ReadonlyArray<Notification>, now: string) => Effect.Effect<void, PersistenceError>
    /** Which of these notification ids are queued already (on any channel): a job that runs again writes only the others. */
    readonly queuedAmong: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlySet<string>, PersistenceError>
    /** The position of the newest notification queued, 0 when there is none: where a reader of what comes next starts. */
    readonly lastPosition: Effect.Effect<number, PersistenceError>
    /**
     * Where a reader of the notifications queued at or after `instant` starts (`queuedAfter` from it reads them):
     * `lastPosition` when none was queued since.
     */
    readonly positionSince: (instant: string) => Effect.Effect<number, PersistenceError>
    /**
     * An authority's notifications queued after `position`, oldest first, up to `limit`, whatever their delivery: a
     * terminal's inbox follows its operator's here, whichever process delivers them (or none yet).
     */
    readonly queuedAfter: (authorityId: string, position: number, limit: number) => Effect.Effect<ReadonlyArray<QueuedNotification>, PersistenceError>
  }
>() {}
