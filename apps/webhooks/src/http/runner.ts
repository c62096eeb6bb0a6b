import { Cause, Effect, type ManagedRuntime } from "effect"
import type { ReceiverServices } from "../app/appLayer.js"
import { applyDelivery, type Delivery, earlierAnswer } from "../inbox/applyDelivery.js"
import type { Answer } from "../inbox/answer.js"
import { busyRetryAfterSeconds, type WriteTransaction } from "@carepanel/store-sql"
import { tryAgain } from "./respond.js"

export interface Runner {
  /** Applies a verified, well-formed delivery; a store failure is answered 503 (the sender retries); rejects on a defect. */
  readonly apply: (delivery: Omit<Delivery, "authorityId"> & { readonly authorityId: string }) => Promise<Answer>
  /** What this delivery id was answered before, if anything (a repeat is answered before its body is decoded). */
  readonly earlier: (delivery: { readonly authorityId: string; readonly deliveryId: string; readonly bodySha256: string }) => Promise<Answer | undefined>
  readonly log: (effect: Effect.Effect<void>) => void
}

const alertOn = (delivery: { readonly authorityId: string; readonly deliveryId: string }) => (answer: Answer | undefined) =>
  answer?.status === 409
    ? Effect.logError("alert: a webhook-id was reused with a different body").pipe(
        Effect.annotateLogs({ alert: true, deliveryId: delivery.deliveryId, authority: delivery.authorityId })
      )
    : Effect.void

/** Runs the receiver's effects on the app's runtime; a 409 (a reused webhook-id) is logged as an alert. */
export const makeRunner = (runtime: ManagedRuntime.ManagedRuntime<ReceiverServices, unknown>, tx: WriteTransaction): Runner => ({
  earlier: (delivery) => runtime.runPromise(earlierAnswer(delivery).pipe(Effect.tap(alertOn(delivery)))),
  apply: (delivery) =>
    runtime.runPromise(
      applyDelivery(tx, delivery as Delivery).pipe(
        Effect.tap(alertOn(delivery)),
        Effect.tapErrorCause((cause) =>
          Effect.logError("delivery failed; answered 503").pipe(
            Effect.annotateLogs({ deliveryId: delivery.deliveryId, source: delivery.sourceId, error: Cause.squash(cause) instanceof Error ? (Cause.squash(cause) as Error).name : "failure" })
          )
        ),
        Effect.catchAll((error) => Effect.succeed(tryAgain(busyRetryAfterSeconds(error)))),
        Effect.tap((answer) => Effect.annotateCurrentSpan("http.response.status_code", answer.status)),
        // The event's type is one the source's configuration allows (checked before this): never a value it carried.
        Effect.withSpan("webhook.delivery", { attributes: { "carepanel.webhook.event_type": delivery.eventType }, captureStackTrace: false })
      )
    ),
  log: (effect) => runtime.runFork(effect)
})
