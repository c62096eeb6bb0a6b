import { Effect } from "effect"
import { WebhookDeliveries } from "../ports/WebhookDeliveries.js"

/** An in-memory store shares itself with no webhook receiver: it has no deliveries, so none to replay. */
export const noWebhookDeliveries = WebhookDeliveries.of({
  list: () => Effect.succeed([]),
  requestReplay: () => Effect.succeed(undefined)
})
