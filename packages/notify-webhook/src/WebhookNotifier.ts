import { DeliveryFailed, type Notification, Notifier } from "@carepanel/core"
import { Clock, Duration, Effect, Layer } from "effect"
import { guardedLookup, literalRefusal } from "./guardedLookup.js"
import { httpPost } from "./httpPost.js"
import { payloadOf } from "./payload.js"
import { refusal, requestFailure } from "./requestFailure.js"
import { responseFailure } from "./responseFailure.js"
import { signerOf } from "./signature.js"
import { type WebhookConfigError, type WebhookSettings, webhookSettingsFromEnv } from "./WebhookConfig.js"

/** One authority's endpoint, ready to send: URL, signer and DNS guard. */
const prepare = (settings: WebhookSettings) =>
  new Map(
    Object.entries(settings.endpoints).map(([authorityId, endpoint]) => {
      const url = new URL(endpoint.url)
      return [
        authorityId,
        {
          url,
          origin: url.origin,
          sign: signerOf(endpoint.secrets),
          lookup: guardedLookup(endpoint.allowPrivateNetwork),
          refused: endpoint.allowPrivateNetwork ? undefined : literalRefusal(url)
        }
      ] as const
    })
  )

/**
 * A Notifier that POSTs each notification as a Standard Webhook to its authority's endpoint: `webhook-id` is
 * the notification id (the receiver's idempotency key), signed with every configured secret.
 * Error messages name the endpoint's origin only, as a URL's path or query may hold a token.
 */
export const makeWebhookNotifier = (settings: WebhookSettings): Notifier["Type"] => {
  const endpoints = prepare(settings)
  return Notifier.of({
    deliver: (notification: Notification) =>
      Effect.gen(function* () {
        const endpoint = endpoints.get(notification.authorityId)
        if (endpoint === undefined) {
          return yield* new DeliveryFailed({
            message: `No webhook endpoint is configured for authority ${notification.authorityId} (WEBHOOK_ENDPOINTS).`,
            permanent: true
          })
        }
        if (endpoint.refused) return yield* refusal(endpoint.refused, notification.authorityId, endpoint.origin)
        const nowMs = yield* Clock.currentTimeMillis
        const timestamp = Math.floor(nowMs / 1_000)
        const body = JSON.stringify(payloadOf(notification, new Date(nowMs)))
        const headers = {
          "webhook-id": notification.id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": endpoint.sign(notification.id, timestamp, body),
          "user-agent": "Carepanel-Webhooks/0.1"
        }
        const answer = yield* Effect.tryPromise({
          try: (signal) => httpPost(endpoint.url, body, headers, { lookup: endpoint.lookup, signal }),
          catch: (cause) => requestFailure(cause, notification.authorityId, endpoint.origin)
        }).pipe(
          Effect.timeoutFail({
            duration: Duration.millis(settings.timeoutMs),
            onTimeout: () =>
              new DeliveryFailed({
                message: `The webhook endpoint ${endpoint.origin} did not answer within ${settings.timeoutMs} ms.`
              })
          })
        )
        const failure = responseFailure(answer.status, answer.retryAfter, yield* Clock.currentTimeMillis, endpoint.origin)
        if (failure) return yield* failure
      })
  })
}

/** The webhook Notifier from settings you decoded yourself (see `decodeWebhookSettings`). */
export const WebhookNotifierLive = (settings: WebhookSettings): Layer.Layer<Notifier> =>
  Layer.succeed(Notifier, makeWebhookNotifier(settings))

/** The webhook Notifier from WEBHOOK_ENDPOINTS and WEBHOOK_TIMEOUT_MS (process.env unless given). */
export const WebhookNotifierFromEnv = (
  env?: Readonly<Record<string, string | undefined>>
): Layer.Layer<Notifier, WebhookConfigError> =>
  Layer.effect(Notifier, Effect.map(webhookSettingsFromEnv(env), makeWebhookNotifier))
