import { Context, type Effect, Schema } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"

/** What became of a delivery from a case system: applied, refused by the core, parked (waiting, or to retry), dead. */
export const WebhookOutcome = Schema.Literal("applied", "refused", "parked", "dead")
export type WebhookOutcome = typeof WebhookOutcome.Type

/** A delivery as an operator sees it: never its body, which may hold a child's data. */
export interface DeliverySummary {
  readonly deliveryId: string
  readonly sourceId: string
  readonly eventType: string
  readonly outcome: WebhookOutcome
  readonly receivedAt: string
  readonly updatedAt: string
  /** While parked: the record it waits for; absent once an operator asked for it to be tried again. */
  readonly waitingFor?: string
  /** The refusal's code and message (the core's, for a person), or the problem answered. */
  readonly code?: string
  readonly message?: string
  /** When its body and words were erased, after the receiver's retention period: it can no longer be tried again. */
  readonly erasedAt?: string
}

/** Which deliveries to list: by outcome, or the one a sender's webhook-id names; newest first, up to `limit`. */
export interface DeliveryFilter {
  readonly outcome?: WebhookOutcome
  readonly deliveryId?: string
  readonly limit: number
}

/** The webhook receiver's deliveries, as the store keeps them, for operators in any app. */
export class WebhookDeliveries extends Context.Tag("@carepanel/core/WebhookDeliveries")<
  WebhookDeliveries,
  {
    /** Newest first. */
    readonly list: (authorityId: AuthorityId, filter: DeliveryFilter) => Effect.Effect<ReadonlyArray<DeliverySummary>, PersistenceError>
    /**
     * Puts a refused, dead or parked delivery back to be tried again by any receiver on the store (parked, waiting for
     * nothing). Answers the delivery as it now is; undefined if there is none with that id; an applied or erased one unchanged.
     */
    readonly requestReplay: (authorityId: AuthorityId, deliveryId: string, at: string) => Effect.Effect<DeliverySummary | undefined, PersistenceError>
  }
>() {}
