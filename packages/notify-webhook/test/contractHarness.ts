import { contractAuthorityId, type NotifierHarness, type ReceiverAnswer } from "@carepanel/notify-contract"
import { Effect, Redacted } from "effect"
import { makeWebhookNotifier } from "../src/WebhookNotifier.js"
import type { WebhookSettings } from "../src/WebhookConfig.js"
import { type Answer, closedPort, newSecret, receiver } from "./receiver.js"

const settingsAt = (url: string, secret: string): WebhookSettings => ({
  endpoints: { [contractAuthorityId]: { url, secrets: [Redacted.make(secret)], allowPrivateNetwork: true } },
  timeoutMs: 10_000
})

const answerOf = (answer: ReceiverAnswer): Answer => {
  switch (answer._tag) {
    case "Accept":
      return { status: 204 }
    case "TemporaryFailure":
      return { status: 503, ...(answer.retryAfterSeconds === undefined ? {} : { headers: { "retry-after": String(answer.retryAfterSeconds) } }) }
    case "PermanentFailure":
      return { status: 410 }
    case "Hang":
      // Never answered in time: a gateway timeout a minute later, unless the sender lets go first.
      return { status: 504, delayMs: 60_000 }
  }
}

/**
 * The webhook notifier against the loopback receiver, for the notifier contract: the receiver verifies each request
 * with the official `standardwebhooks` library (accepted means verified and 2xx) and reports the URL and every header.
 */
export const webhookHarness = Effect.gen(function* () {
  const secret = newSecret()
  let answer: ReceiverAnswer = { _tag: "Accept" }
  const server = yield* receiver(secret, () => answerOf(answer))
  const port = yield* closedPort
  return {
    notifier: makeWebhookNotifier(settingsAt(server.url, secret)),
    unreachable: makeWebhookNotifier(settingsAt(`http://127.0.0.1:${port}/carepanel`, secret)),
    receiver: {
      answerWith: (next) => (answer = next),
      held: server.held,
      arrivals: () =>
        server.received.map((request) => ({
          key: String(request.headers["webhook-id"]),
          accepted: request.verified && request.status >= 200 && request.status < 300,
          exposed: [request.url, ...Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`)]
        }))
    }
  } satisfies NotifierHarness
})
