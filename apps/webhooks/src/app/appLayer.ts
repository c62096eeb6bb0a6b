import { randomUUID } from "node:crypto"
import {
  type AuthorityPolicy,
  EnglandAndWalesCalendar,
  IdGenerator,
  NotFound,
  type Notifier,
  Placements,
  Policies,
  Referrals
} from "@carepanel/core"
import type { StoreServices } from "@carepanel/store-sql"
import { Effect, Layer } from "effect"

/** Time-ordered random ids (`ref_<ms in hex>-<64 random bits>`), as the API makes them. */
const RandomIds = Layer.succeed(
  IdGenerator,
  IdGenerator.of({ next: (prefix) => Effect.sync(() => `${prefix}_${Date.now().toString(16).padStart(12, "0")}-${randomUUID().replaceAll("-", "").slice(0, 16)}`) })
)

const policiesLayer = (policies: ReadonlyArray<AuthorityPolicy>) =>
  Layer.succeed(
    Policies,
    Policies.of({
      forAuthority: (authorityId) => {
        const policy = policies.find((candidate) => candidate.authority.id === authorityId)
        return policy ? Effect.succeed(policy) : Effect.fail(NotFound.of("authority", authorityId))
      }
    })
  )

export type ReceiverServices = Referrals | Placements | StoreServices | Notifier

export interface ReceiverLayerParts<E> {
  readonly store: Layer.Layer<StoreServices, E>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly notifier: Layer.Layer<Notifier, E>
}

/** The store (SQLite or PostgreSQL, with its SQL client for the receiver's own tables), the ports, the use cases. */
export const receiverLayer = <E>(parts: ReceiverLayerParts<E>): Layer.Layer<ReceiverServices, E> =>
  Layer.mergeAll(Referrals.Default, Placements.Default).pipe(
    Layer.provideMerge(Layer.mergeAll(parts.store, RandomIds, policiesLayer(parts.policies), EnglandAndWalesCalendar, parts.notifier))
  )
