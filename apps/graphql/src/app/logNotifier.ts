import { type Notification, Notifier, type Recipient } from "@carepanel/core"
import { Effect, Layer } from "effect"

const recipientText = (recipient: Recipient): string =>
  recipient._tag === "Person" ? `${recipient.name} (${recipient.personId})` : `every ${recipient.role}`

/** One readable line per notification: kind, recipients, headline (headlines never hold a child's name). */
export const notificationLine = (notification: Notification): string =>
  `[notify] ${notification.kind} -> ${notification.recipients.map(recipientText).join(", ") || "nobody"}: ${notification.headline}`

/** Delivers by writing a line: for development, and wherever no SMTP server is configured. */
export const LogNotifier = (write: (line: string) => void = (line) => console.log(line)) =>
  Layer.succeed(Notifier, Notifier.of({ deliver: (notification) => Effect.sync(() => write(notificationLine(notification))) }))
