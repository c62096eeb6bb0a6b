import { SqlClient } from "@effect/sql"
import { type Notification, notificationChannels } from "@carepanel/core"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"

/** The channels as a table of constants (`SELECT 'email' AS channel UNION ALL ...`): the core's own literals. */
const channelsTable = notificationChannels.map((channel) => `SELECT '${channel}' AS channel`).join(" UNION ALL ")

/**
 * Rows per statement: a reminder run may queue thousands at once, and one statement holds at most 32,766 parameters on
 * SQLite (65,535 on PostgreSQL) at 7 a row.
 */
export const notificationsPerStatement = 1_000

/**
 * Queues notifications, pending and due now, once on every channel. A notification id already queued keeps
 * its first entry and its delivery state on each channel.
 */
export const writeNotifications = (notifications: ReadonlyArray<Notification>, now: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (let from = 0; from < notifications.length; from += notificationsPerStatement) {
      const some = notifications.slice(from, from + notificationsPerStatement)
      yield* directly(
        sql,
        sql`INSERT INTO outbox ${sql.insert(
          some.map((notification) => ({
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
          WHERE outbox.id IN ${sql.in(some.map((notification) => notification.id))}
          ON CONFLICT (seq, channel) DO NOTHING`
      )
    }
  })
