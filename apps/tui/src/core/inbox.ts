import { type Actor, type Notification, Outbox } from "@carepanel/core"
import { Clock, Duration, Effect, Schedule } from "effect"

/** A notification as the inbox pane shows it, with when it was queued. */
export interface InboxEntry {
  readonly notification: Notification
  readonly queuedAt: Date
}

/**
 * How many days back a terminal's inbox reaches when it opens, unless `CAREPANEL_INBOX_DAYS` says otherwise: a
 * fortnight covers a fortnightly panel's cycle and a week away; a council sitting monthly sets more.
 */
export const defaultInboxDays = 14

/** Whether a notification is for the operator: named, or sent to a role they hold at their authority. */
export const isFor = (operator: Actor, notification: Notification): boolean =>
  notification.authorityId === operator.authorityId &&
  notification.recipients.some((recipient) =>
    recipient._tag === "Person" ? recipient.personId === operator.personId : operator.roles.includes(recipient.role)
  )

/** The operator's notifications, newest queued first; the screens subscribe to hear of new ones. */
export class Inbox {
  private entries: ReadonlyArray<InboxEntry> = []
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly operator: Actor,
    /** How many days back it reaches when the terminal opens (`followInbox`). */
    readonly days: number = defaultInboxDays
  ) {}

  receive(notification: Notification, queuedAt: Date): void {
    if (!isFor(this.operator, notification)) return
    if (this.entries.some((entry) => entry.notification.id === notification.id)) return
    this.entries = [{ notification, queuedAt }, ...this.entries].sort((a, b) => b.queuedAt.getTime() - a.queuedAt.getTime())
    for (const listener of this.listeners) listener()
  }

  list(): ReadonlyArray<InboxEntry> {
    return this.entries
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Notifications read from the store per look: more than a terminal's operator gets in a second. */
const perLook = 200

/**
 * Fills the inbox with the operator's notifications queued in the inbox's last `days` and then as the store's outbox
 * queues them, whichever process caused them (this terminal, the API, the receiver, the API's clock reminders) and
 * whichever delivers them by email, or none: the inbox is not what this terminal's dispatcher happens to take. Looks
 * every `everyMs`; a failed look (the database busy) is logged and tried again at the next. Only the first reading
 * leaves out what was queued before the last days (positions follow commits, not clocks); after it, every
 * notification queued is shown, whatever another process's clock says.
 */
export const followInbox = (inbox: Inbox, everyMs = 1_000) =>
  Effect.gen(function* () {
    const outbox = yield* Outbox
    const now = yield* Clock.currentTimeMillis
    let since: string | undefined = new Date(now - inbox.days * 24 * 60 * 60 * 1000).toISOString()
    let position = yield* outbox.positionSince(since)
    const look = Effect.gen(function* () {
      for (;;) {
        const queued = yield* outbox.queuedAfter(inbox.operator.authorityId, position, perLook)
        for (const entry of queued) {
          if (since === undefined || entry.queuedAt >= since) inbox.receive(entry.notification, new Date(entry.queuedAt))
          position = entry.position
        }
        if (queued.length < perLook) {
          since = undefined
          return
        }
      }
    }).pipe(Effect.catchAll((error) => Effect.logWarning("Could not read the inbox's notifications; trying again", error.message)))
    return yield* Effect.repeat(look, Schedule.spaced(Duration.millis(everyMs)))
  })
