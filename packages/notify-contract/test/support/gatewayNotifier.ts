import { DeliveryFailed, type Notification, Notifier } from "@carepanel/core"
import { Effect, Redacted } from "effect"

/** A secure-email gateway's settings, as an authority's IT team would decode them from GATEWAY_URL and GATEWAY_TOKEN. */
export interface GatewaySettings {
  readonly url: string
  readonly token: Redacted.Redacted<string>
}

const retryAfterMs = (header: string | null): number | undefined =>
  header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1_000 : undefined

/** What the gateway's answer means: undefined when it took the message. */
const answerFailure = (response: Response, host: string): DeliveryFailed | undefined => {
  if (response.ok) return undefined
  const message = `The gateway at GATEWAY_URL ${host} answered ${response.status}.`
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    const wait = retryAfterMs(response.headers.get("retry-after"))
    return new DeliveryFailed({ message, ...(wait === undefined ? {} : { retryAfterMs: wait }) })
  }
  return new DeliveryFailed({ message, permanent: true })
}

/**
 * The gateway notifier sketched in docs/notifiers.md: POSTs the notification with its id as the Idempotency-Key,
 * the headline as the subject, the body lines over the gateway's secure channel, and cancels on interruption.
 */
export const makeGatewayNotifier = (settings: GatewaySettings): Notifier["Type"] => {
  const host = new URL(settings.url).host
  return Notifier.of({
    deliver: (notification: Notification) =>
      Effect.tryPromise({
        try: (signal) =>
          fetch(settings.url, {
            method: "POST",
            signal,
            headers: {
              authorization: `Bearer ${Redacted.value(settings.token)}`,
              "idempotency-key": notification.id,
              "content-type": "application/json"
            },
            body: JSON.stringify({ to: notification.recipients, subject: `[Carepanel] ${notification.headline}`, lines: notification.body })
          }),
        catch: () => new DeliveryFailed({ message: `Cannot reach the gateway at GATEWAY_URL ${host}.` })
      }).pipe(
        Effect.flatMap((response) => {
          const failure = answerFailure(response, host)
          return failure === undefined ? Effect.void : Effect.fail(failure)
        })
      )
  })
}
