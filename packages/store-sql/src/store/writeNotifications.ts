import { SqlClient } from "@effect/sql"
import { type Notification, notificationChannels } from "@carepanel/core"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"

/** The channels as a table of constants (`SELECT 'email' AS channel UNION ALL ...`): the core's own literals. */
const channelsTable = notificationChannels.map((channel) => `SELECT '${channel}' AS channel`).join(" UNION ALL ")

/**
 * Queues notifications, pending and due now, once on every channel. A notification id already queued keeps
 * its first entry and its delivery state on each channel.
 */
export const writeNotifications = (notifications: ReadonlyArray<Notification>, now: string) =>
  Effect.gen(function* () {
    if (notifications.length === 0) return
    const sql = yield* SqlClient.SqlClient
    yield* directly(
      sql,
      sql`INSERT INTO outbox ${sql.insert(
      notifications.map((notification) => ({
        id: notification.id,
        authority_id: notification.authorityId,
        notification: JSON.stringify(notification),
        state: "pending",
        attempts: 0,
        next_attempt_at: now,
        queued_at: now
      }))
    )} ON CONFLICT (id) DO NOTHING`
    )
    yield* directly(
      sql,
      sql`INSERT INTO outbox_deliveries (seq, channel, state, attempts, next_attempt_at)
        SELECT outbox.seq, channels.channel, 'pending', 0, ${now} FROM outbox CROSS JOIN (${sql.literal(channelsTable)}) AS channels
        WHERE outbox.id IN ${sql.in(notifications.map((notification) => notification.id))}
        ON CONFLICT (seq, channel) DO NOTHING`
    )
  })
