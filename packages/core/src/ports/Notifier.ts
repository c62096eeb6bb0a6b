import { Context, type Effect, Schema } from "effect"
import type { Notification } from "./Notification.js"

/** Delivery failed. `retryAfterMs` carries a receiver's Retry-After; `permanent` means retrying cannot help. */
export class DeliveryFailed extends Schema.TaggedError<DeliveryFailed>()("DeliveryFailed", {
  message: Schema.String,
  retryAfterMs: Schema.optional(Schema.Number),
  permanent: Schema.optional(Schema.Boolean)
}) {}

/** Sends one notification by one channel (email, webhook, a log). Adapters implement it. */
export class Notifier extends Context.Tag("@carepanel/core/Notifier")<
  Notifier,
  { readonly deliver: (notification: Notification) => Effect.Effect<void, DeliveryFailed> }
>() {}
