import { SqlClient } from "@effect/sql"
import type { Notification } from "@carepanel/core"
import { Effect } from "effect"

/** Queues notifications as pending, due now. A notification id already queued keeps its first entry. */
export const writeNotifications = (notifications: ReadonlyArray<Notification>, now: string) =>
  Effect.gen(function* () {
    if (notifications.length === 0) return
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO outbox ${sql.insert(
      notifications.map((notification) => ({
        id: notification.id,
        authority_id: notification.authorityId,
        notification: JSON.stringify(notification),
        state: "pending",
        attempts: 0,
        next_attempt_at: now
      }))
    )} ON CONFLICT (id) DO NOTHING`
  })
