import { type Notification, Notifier, type Recipient } from "@carepanel/core"
import { Effect, Layer } from "effect"
import { jsonLoggerTo, type LogSink } from "./jsonLog.js"

const recipientOf = (recipient: Recipient) =>
  recipient._tag === "Person" ? { personId: recipient.personId, name: recipient.name } : { role: recipient.role }

/** One log entry per notification: kind, recipients, headline (headlines never hold a child's name). */
export const logNotification = (notification: Notification) =>
  Effect.logInfo("notification").pipe(
    Effect.annotateLogs({
      correlationId: notification.id,
      authorityId: notification.authorityId,
      kind: notification.kind,
      recipients: notification.recipients.map(recipientOf),
      headline: notification.headline
    })
  )

/** Delivers by writing a JSON log line: for development, and wherever no SMTP server is configured. */
export const LogNotifier = (write: LogSink = (line) => console.log(line)) =>
  Layer.succeed(
    Notifier,
    Notifier.of({ deliver: (notification) => logNotification(notification).pipe(Effect.provide(jsonLoggerTo(write))) })
  )
