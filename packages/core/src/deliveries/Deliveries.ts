import { DateTime, Effect, Schema } from "effect"
import { type DeliveryFilter, WebhookDeliveries } from "../ports/WebhookDeliveries.js"
import type { Actor } from "../shared/actor.js"
import { authorise, permission } from "../shared/authorise.js"
import { NotFound } from "../shared/errors.js"

/** The authority's IT team and the panel administrators who watch what case systems send. */
export const deliveryOperators = permission("see and replay deliveries from case systems", "integrator", "panel_administrator")

/** Only a delivery that did not apply can be tried again. */
export class NotReplayable extends Schema.TaggedError<NotReplayable>()("NotReplayable", { deliveryId: Schema.String, message: Schema.String }) {}

/** Deliveries from case systems for operators: listed by outcome, and tried again (by any receiver on the store). */
export class Deliveries extends Effect.Service<Deliveries>()("@carepanel/core/Deliveries", {
  effect: Effect.gen(function* () {
    const deliveries = yield* WebhookDeliveries
    return {
      list: (actor: Actor, filter: DeliveryFilter) =>
        Effect.zipRight(authorise(actor, deliveryOperators), deliveries.list(actor.authorityId, filter)),
      replay: (actor: Actor, deliveryId: string) =>
        Effect.gen(function* () {
          yield* authorise(actor, deliveryOperators)
          const now = DateTime.formatIso(yield* DateTime.now)
          const delivery = yield* deliveries.requestReplay(actor.authorityId, deliveryId, now)
          if (delivery === undefined) return yield* Effect.fail(NotFound.of("delivery", deliveryId))
          if (delivery.outcome === "applied") {
            return yield* Effect.fail(new NotReplayable({ deliveryId, message: `Delivery ${deliveryId} was applied; only a refused, parked or dead delivery can be tried again.` }))
          }
          if (delivery.erasedAt !== undefined) {
            return yield* Effect.fail(
              new NotReplayable({
                deliveryId,
                message: `Delivery ${deliveryId} was ${delivery.outcome} and its body was erased on ${delivery.erasedAt.slice(0, 10)}, after the receiver's retention period, so it cannot be tried again: the case system can send the event again under a new webhook-id.`
              })
            )
          }
          return delivery
        })
    }
  })
}) {}
