import { type AuthorityId, Policies } from "@carepanel/core"
import { Inbox, type WriteTransaction } from "@carepanel/store-sql"
import { Clock, Effect, Option } from "effect"
import { applyEvent, type DeliveryContext, type Step } from "../apply/applyEvent.js"
import { decodeEvent } from "../events/decodeEvent.js"
import type { AppliedEvent } from "../events/inboundEvent.js"
import { type Answer, applied, parked, problem, refused } from "./answer.js"
import { type DeliveryRow, findDelivery, insertDelivery, parkedFor, settleDelivery } from "./deliveries.js"
import { logInfoWith } from "../log/logInfoWith.js"
import { classify } from "./refusal.js"
import { waitingKey } from "./references.js"

export interface Delivery extends DeliveryContext {
  readonly eventType: string
  readonly event: AppliedEvent
  readonly text: string
  readonly bodySha256: string
}

/** Another process committed this delivery id between our look and our claim: answer as a repeat. */
class ClaimedElsewhere {
  readonly _tag = "ClaimedElsewhere"
}

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

/** The authority's policy, which a refusal's rule is cited under; none when the authority has none (the use case refused that too). */
const policyOf = (authorityId: AuthorityId) =>
  Effect.flatMap(Policies, (policies) => Effect.option(policies.forAuthority(authorityId))).pipe(Effect.map(Option.getOrUndefined))

/** The event's commands in a savepoint: applied, parked, or refused (the savepoint rolled back, so it wrote nothing). */
const attempt = (tx: WriteTransaction, event: AppliedEvent, context: DeliveryContext) =>
  tx(applyEvent(event, context)).pipe(
    Effect.map((step) => ({ _tag: "Step", step }) as const),
    Effect.catchAll((error) =>
      Effect.flatMap(classify(error), (refusal) => Effect.map(policyOf(context.authorityId), (policy) => ({ _tag: "Refused", refusal, policy }) as const))
    )
  )

type Attempt = Effect.Effect.Success<ReturnType<typeof attempt>>

/** An attempt's outcome and the answer it gives, the first time and to every repeat of the id after it. */
const settledAs = (deliveryId: string, result: Attempt): Pick<DeliveryRow, "outcome" | "answer" | "waitingFor"> => {
  if (result._tag === "Refused") return { outcome: "refused", answer: refused(deliveryId, result.refusal, result.policy) }
  if (result.step._tag === "Applied") return { outcome: "applied", answer: applied(deliveryId, result.step.touched) }
  const waitingFor = waitingKey(result.step.waitingFor)
  return { outcome: "parked", answer: parked(deliveryId, waitingFor), waitingFor }
}

/**
 * A kept delivery tried again (parked for a record that now exists, or replayed by an operator): applied, refused, or
 * parked again for what it still waits for; whatever it applies may release more.
 */
export const retryDelivery = (tx: WriteTransaction, context: DeliveryContext, row: DeliveryRow): Effect.Effect<void, unknown, never> =>
  Effect.gen(function* () {
    const decoded = decodeEvent(row.body ?? "", [row.eventType])
    if (decoded._tag !== "Event") return
    const later = { ...context, deliveryId: row.deliveryId, sourceId: row.sourceId }
    const result = yield* attempt(tx, decoded.event as AppliedEvent, later)
    const settled = settledAs(row.deliveryId, result)
    yield* settleDelivery(context.authorityId, row.deliveryId, settled.outcome, settled.answer, yield* nowIso, settled.waitingFor)
    // Every field its own: in a group commit this runs in the fibre of another delivery, whose annotations it would carry.
    yield* logInfoWith("kept delivery tried again", { deliveryId: row.deliveryId, source: row.sourceId, authority: row.authorityId, eventType: row.eventType, outcome: settled.outcome })
    if (result._tag === "Step") yield* releaseParked(tx, later, result.step)
  }) as Effect.Effect<void, unknown, never>

/** Deliveries parked for the record `step` created, applied in the order they arrived (each may release more). */
const releaseParked = (tx: WriteTransaction, context: DeliveryContext, step: Step): Effect.Effect<void, unknown, never> =>
  step._tag !== "Applied" || step.created === undefined
    ? Effect.void
    : (Effect.flatMap(parkedFor(context.authorityId, waitingKey(step.created)), (waiting) =>
        Effect.forEach(waiting, (row) => retryDelivery(tx, context, row), { discard: true })
      ) as Effect.Effect<void, unknown, never>)

/**
 * Applies one verified delivery exactly once. This module is the only transaction boundary of the receiver:
 * the inbox row (`webhook-id`), the delivery's record and answer, the source references and every event the
 * core's use cases append commit together or not at all. The use cases' own appends join this transaction as
 * savepoints (`writeTransaction` nests), so a refusal rolls back its savepoint and is recorded in the same
 * transaction. The caller has looked for an earlier answer (`earlierAnswer`); a repeat that raced in since is found
 * by the inbox's claim, and answers what the first answered, writing nothing (the same id with another body: 409).
 */
export const applyDelivery = (tx: WriteTransaction, delivery: Delivery) =>
  tx(
    Effect.gen(function* () {
      const inbox = yield* Inbox
      if (!(yield* inbox.markProcessed(delivery.authorityId as AuthorityId, delivery.deliveryId))) return yield* Effect.fail(new ClaimedElsewhere())
      const result = yield* attempt(tx, delivery.event, delivery)
      const settled = settledAs(delivery.deliveryId, result)
      yield* insertDelivery({ ...base(delivery, yield* nowIso), ...settled })
      if (result._tag === "Step") yield* releaseParked(tx, delivery, result.step)
      return settled
    })
  ).pipe(
    Effect.tap((row) => logInfoWith("delivery", { outcome: row.outcome })),
    Effect.map((row) => row.answer),
    Effect.catchIf(
      (error): error is ClaimedElsewhere => error instanceof ClaimedElsewhere,
      () => Effect.flatMap(findDelivery(delivery.authorityId, delivery.deliveryId), (row) => Effect.succeed(row === undefined ? retryLater : repeatAnswer(row, delivery)))
    ),
    Effect.annotateLogs({ deliveryId: delivery.deliveryId, source: delivery.sourceId, authority: delivery.authorityId, eventType: delivery.eventType })
  )

/** The answer already given to this delivery id (or 409 for another body under it), looked up before decoding anything. */
export const earlierAnswer = (delivery: { readonly authorityId: string; readonly deliveryId: string; readonly bodySha256: string }) =>
  Effect.map(findDelivery(delivery.authorityId, delivery.deliveryId), (row) => (row === undefined ? undefined : repeatAnswer(row, delivery)))

const base = (delivery: Delivery, now: string) => ({
  authorityId: delivery.authorityId,
  deliveryId: delivery.deliveryId,
  sourceId: delivery.sourceId,
  eventType: delivery.eventType,
  bodySha256: delivery.bodySha256,
  receivedAt: now,
  updatedAt: now,
  body: delivery.text
})

const retryLater: Answer = { ...problem(503, "try-again", "Please send this delivery again."), retryAfterSeconds: 1 }

/** What the first delivery of this id was answered; a different body under the same id is a conflict (and an alert). */
const repeatAnswer = (earlier: DeliveryRow, delivery: Pick<Delivery, "deliveryId" | "bodySha256">): Answer => {
  if (earlier.bodySha256 === delivery.bodySha256) return earlier.answer
  return problem(409, "delivery-id-reused", "This webhook-id was already received with a different body; it was not applied.", {
    detail: "A webhook-id names one event for good: send a new or changed event under a new webhook-id, and a retry of this one with the body it was first sent with.",
    deliveryId: delivery.deliveryId
  })
}
