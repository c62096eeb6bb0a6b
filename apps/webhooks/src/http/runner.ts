import { defaultStoreAnswerSeconds, within } from "@carepanel/app-kit"
import type { Role } from "@carepanel/core"
import { busyRetryAfterSeconds, storeErrorOf, type WriteTransaction } from "@carepanel/store-sql"
import { Cause, Effect, FiberRef, type ManagedRuntime } from "effect"
import type { ReceiverServices } from "../app/appLayer.js"
import { decodeEvent } from "../events/decodeEvent.js"
import type { AppliedEvent } from "../events/inboundEvent.js"
import type { Answer } from "../inbox/answer.js"
import { applyDelivery, type Delivery, earlierAnswer } from "../inbox/applyDelivery.js"
import { logInfoWith } from "../log/logInfoWith.js"
import { storeDidNotAnswer, tryAgain } from "./respond.js"

/** A delivery whose signature was verified, before its body is decoded. */
export interface Received {
  readonly authorityId: string
  readonly sourceId: string
  readonly sourceRoles: ReadonlyArray<Role>
  /** The event types the source may send. */
  readonly sourceEvents: ReadonlyArray<string>
  readonly deliveryId: string
  readonly text: string
  readonly bodySha256: string
}

export interface Runner {
  /**
   * Answers a verified delivery: what this id was answered before, if anything (before its body is decoded), else
   * the answer to its shape (422, 403) or `applyDelivery`'s, exactly once. One read of the store before the write
   * transaction, in one run of the app's runtime. A store failure is answered 503 (the sender retries); rejects on a defect.
   */
  readonly receive: (received: Received) => Promise<Answer>
  readonly log: (effect: Effect.Effect<void>) => void
}

const alertOn = (delivery: { readonly authorityId: string; readonly deliveryId: string }) => (answer: Answer | undefined) =>
  answer?.status === 409
    ? Effect.logError("alert: a webhook-id was reused with a different body").pipe(
        Effect.annotateLogs({ alert: true, deliveryId: delivery.deliveryId, authority: delivery.authorityId })
      )
    : Effect.void

const receive = (tx: WriteTransaction, received: Received) =>
  Effect.gen(function* () {
    const earlier = yield* earlierAnswer(received)
    if (earlier !== undefined) return earlier
    const decoded = decodeEvent(received.text, received.sourceEvents)
    if (decoded._tag === "Answer") {
      yield* logInfoWith("delivery not stored", { authority: received.authorityId, source: received.sourceId, deliveryId: received.deliveryId, status: decoded.answer.status })
      return decoded.answer
    }
    // The event's type is one the source's configuration allows (decodeEvent checked it): never a value it carried.
    yield* whenTracing(Effect.annotateCurrentSpan("carepanel.webhook.event_type", decoded.event.type))
    const { sourceEvents: _, ...context } = received
    return yield* applyDelivery(tx, { ...context, eventType: decoded.event.type, event: decoded.event as AppliedEvent } as Delivery)
  })

/**
 * The delivery's span and its attributes only while the tracer is on (telemetry configured): with it off they are
 * no-ops that still cost, an attribute on no span most of all (Effect fails the span's look-up with an error, stack
 * trace included, then ignores it).
 */
const whenTracing = (effect: Effect.Effect<void>) =>
  Effect.withFiberRuntime<void>((fiber) => (fiber.getFiberRef(FiberRef.currentTracerEnabled) ? effect : Effect.void))

const withDeliverySpan = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.withFiberRuntime<A, E, R>((fiber) =>
    fiber.getFiberRef(FiberRef.currentTracerEnabled) ? Effect.withSpan(effect, "webhook.delivery", { captureStackTrace: false }) : effect
  )

/** One error line for a delivery the store did not answer in time, as for the receiver's other 503s; never its body. */
const logNotAnswered = (received: Received, seconds: number) =>
  Effect.logError("delivery failed; answered 503").pipe(
    Effect.annotateLogs({ deliveryId: received.deliveryId, source: received.sourceId, error: "StoreDidNotAnswer", detail: `the store did not answer within ${seconds} s` })
  )

/**
 * Runs the receiver's effects on the app's runtime; a 409 (a reused webhook-id) is logged as an alert.
 *
 * A delivery the store has not answered within `answerWithinMs` is answered 503 (`storeDidNotAnswer`): a database that
 * stops answering without refusing (a network partition) would otherwise keep the sender waiting until the operating
 * system gives the connection up, a quarter of an hour later. Its effect is left to finish or fail on its own (a
 * statement in flight cannot be called back), so it may still be applied: the answer says so.
 */
export const makeRunner = (
  runtime: ManagedRuntime.ManagedRuntime<ReceiverServices, unknown>,
  tx: WriteTransaction,
  answerWithinMs = defaultStoreAnswerSeconds * 1000
): Runner => ({
  receive: (received) =>
    within(
      answerWithinMs,
      runtime.runPromise(
        receive(tx, received).pipe(
          Effect.tap(alertOn(received)),
          Effect.tapErrorCause((cause) => {
            const error = Cause.squash(cause)
            const storeError = storeErrorOf(error)
            return Effect.logError("delivery failed; answered 503").pipe(
              Effect.annotateLogs({
                deliveryId: received.deliveryId,
                source: received.sourceId,
                error: error instanceof Error ? error.name : "failure",
                ...(storeError === undefined ? {} : { storeError })
              })
            )
          }),
          Effect.catchAll((error) => Effect.succeed(tryAgain(busyRetryAfterSeconds(error)))),
          Effect.tap((answer) => whenTracing(Effect.annotateCurrentSpan("http.response.status_code", answer.status))),
          withDeliverySpan
        )
      ),
      () => {
        runtime.runFork(logNotAnswered(received, answerWithinMs / 1000))
        return storeDidNotAnswer(answerWithinMs / 1000)
      }
    ),
  log: (effect) => runtime.runFork(effect)
})
