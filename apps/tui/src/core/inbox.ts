import { type Actor, type Notification, Notifier } from "@carepanel/core"
import { Effect, Layer } from "effect"

/** A notification as the inbox pane shows it, with when this terminal received it. */
export interface InboxEntry {
  readonly notification: Notification
  readonly receivedAt: Date
}

/** Whether a notification is for the operator: named, or sent to a role they hold at their authority. */
export const isFor = (operator: Actor, notification: Notification): boolean =>
  notification.authorityId === operator.authorityId &&
  notification.recipients.some((recipient) =>
    recipient._tag === "Person" ? recipient.personId === operator.personId : operator.roles.includes(recipient.role)
  )

/** The operator's notifications, newest first; the screens subscribe to hear of new ones. */
export class Inbox {
  private entries: ReadonlyArray<InboxEntry> = []
  private readonly listeners = new Set<() => void>()

  constructor(readonly operator: Actor) {}

  receive(notification: Notification): void {
    if (!isFor(this.operator, notification)) return
    if (this.entries.some((entry) => entry.notification.id === notification.id)) return
    this.entries = [{ notification, receivedAt: new Date() }, ...this.entries]
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

/**
 * The terminal-inbox notifier: what the outbox delivers for the operator lands in the inbox pane; with another
 * notifier beside it (email where SMTP is configured) that one delivers to everybody as well.
 */
export const TerminalInboxNotifier = (inbox: Inbox, also?: Layer.Layer<Notifier, unknown>): Layer.Layer<Notifier, unknown> => {
  const terminal = Notifier.of({ deliver: (notification) => Effect.sync(() => inbox.receive(notification)) })
  if (also === undefined) return Layer.succeed(Notifier, terminal)
  return Layer.effect(
    Notifier,
    Effect.map(Notifier, (other) =>
      Notifier.of({ deliver: (notification) => Effect.zipRight(other.deliver(notification), terminal.deliver(notification)) })
    )
  ).pipe(Layer.provide(also))
}
