import { DeliveryFailed, type Notification, Notifier } from "@carepanel/core"
import { Clock, Duration, Effect, Layer } from "effect"
import { guardedLookup, literalRefusal } from "./guardedLookup.js"
import { httpPost } from "./httpPost.js"
import { payloadOf } from "./payload.js"
import { refusal, requestFailure } from "./requestFailure.js"
import { responseFailure } from "./responseFailure.js"
import { signerOf } from "./signature.js"
import { type WebhookConfigError, type WebhookEndpoint, type WebhookSettings, webhookSettingsFromEnv } from "./WebhookConfig.js"

/** An endpoint ready to send to: URL, signer and DNS guard. */
export interface PreparedEndpoint {
  readonly url: URL
  readonly origin: string
  readonly sign: ReturnType<typeof signerOf>
  readonly lookup: ReturnType<typeof guardedLookup>
  readonly refused: ReturnType<typeof literalRefusal> | undefined
}

export const prepareEndpoint = (endpoint: WebhookEndpoint): PreparedEndpoint => {
  const url = new URL(endpoint.url)
  return {
    url,
    origin: url.origin,
    sign: signerOf(endpoint.secrets),
    lookup: guardedLookup(endpoint.allowPrivateNetwork),
    refused: endpoint.allowPrivateNetwork ? undefined : literalRefusal(url)
  }
}

/**
 * POSTs one notification as a Standard Webhook to `endpoint`: `webhook-id` is the notification id (the
 * receiver's idempotency key), the body is `body(sentAt)`, signed with every configured secret. Error
 * messages name the endpoint's origin only, as a URL's path or query may hold a token.
 */
export const sendWebhook = (
  endpoint: PreparedEndpoint,
  notification: Notification,
  body: (sentAt: Date) => unknown,
  timeoutMs: number
): Effect.Effect<void, DeliveryFailed> =>
  Effect.gen(function* () {
    if (endpoint.refused) return yield* refusal(endpoint.refused, notification.authorityId, endpoint.origin)
    const nowMs = yield* Clock.currentTimeMillis
    const timestamp = Math.floor(nowMs / 1_000)
    const text = JSON.stringify(body(new Date(nowMs)))
    const headers = {
      "webhook-id": notification.id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": endpoint.sign(notification.id, timestamp, text),
      "user-agent": "Carepanel-Webhooks/0.1"
    }
    const answer = yield* Effect.tryPromise({
      try: (signal) => httpPost(endpoint.url, text, headers, { lookup: endpoint.lookup, signal }),
      catch: (cause) => requestFailure(cause, notification.authorityId, endpoint.origin)
    }).pipe(
      Effect.timeoutFail({
        duration: Duration.millis(timeoutMs),
        onTimeout: () => new DeliveryFailed({ message: `The webhook endpoint ${endpoint.origin} did not answer within ${timeoutMs} ms.` })
      })
    )
    const failure = responseFailure(answer.status, answer.retryAfter, yield* Clock.currentTimeMillis, endpoint.origin)
    if (failure) return yield* failure
  })

/** A Notifier that POSTs each notification as a Standard Webhook to its authority's endpoint (`sendWebhook`). */
export const makeWebhookNotifier = (settings: WebhookSettings): Notifier["Type"] => {
  const endpoints = new Map(Object.entries(settings.endpoints).map(([authorityId, endpoint]) => [authorityId, prepareEndpoint(endpoint)] as const))
  return Notifier.of({
    deliver: (notification: Notification) => {
      const endpoint = endpoints.get(notification.authorityId)
      return endpoint === undefined
        ? Effect.fail(
            new DeliveryFailed({
              message: `No webhook endpoint is configured for authority ${notification.authorityId} (WEBHOOK_ENDPOINTS).`,
              permanent: true
            })
          )
        : sendWebhook(endpoint, notification, (sentAt) => payloadOf(notification, sentAt), settings.timeoutMs)
    }
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
