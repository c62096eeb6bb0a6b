import { type Notification, Notifier, type Recipient } from "@carepanel/core"
import { Effect, FiberRef, HashSet, Layer, Logger } from "effect"
import type { LogSink } from "./jsonLog.js"

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

/**
 * Delivers by writing a JSON log line: for development, and wherever no SMTP server is configured. Only to `write`:
 * the app's own logger (stderr) is set aside for the line, or each notice would be written twice, once to each.
 */
export const LogNotifier = (write: LogSink = (line) => console.log(line)) => {
  const onlyToWrite = HashSet.make(Logger.map(Logger.jsonLogger, write))
  return Layer.succeed(
    Notifier,
    Notifier.of({ deliver: (notification) => Effect.locally(logNotification(notification), FiberRef.currentLoggers, onlyToWrite) })
  )
}
