import type { Notification } from "@carepanel/core"

/**
 * The Standard Webhooks body: `{ type, timestamp, data }`. `data` holds what a case system needs to act
 * (ids, dates, the act-by rule) and leaves out the body lines written for people, which may name a child:
 * the case system looks the child up by the ids in `facts`.
 */
export const payloadOf = (notification: Notification, sentAt: Date) => ({
  type: notification.kind,
  timestamp: sentAt.toISOString(),
  data: {
    notificationId: notification.id,
    authorityId: notification.authorityId,
    headline: notification.headline,
    ...(notification.actBy ? { actBy: notification.actBy } : {}),
    recipients: notification.recipients.map((recipient) =>
      recipient._tag === "RoleHolder"
        ? { type: "role" as const, role: recipient.role }
        : { type: "person" as const, personId: recipient.personId }
    ),
    facts: notification.facts
  }
})
