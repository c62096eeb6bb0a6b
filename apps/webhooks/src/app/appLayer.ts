import { deliveryTags, policiesLayer, RandomIds, storePortTags, tracedLayer } from "@carepanel/app-kit"
import { type AuthorityPolicy, ChildRecords, Documents, EnglandAndWalesCalendar, type Notifier, Placements, type Policies, Referrals, Sittings } from "@carepanel/core"
import type { StoreServices } from "@carepanel/store-sql"
import type { SqlClient } from "@effect/sql"
import { Layer } from "effect"

/** The use cases and ports the receiver runs on; `Policies` also cites the rule of a refusal listed to operators. */
export type ReceiverServices = Referrals | Placements | ChildRecords | Documents | StoreServices | Notifier | Policies

export interface ReceiverLayerParts<E> {
  readonly store: Layer.Layer<StoreServices, E>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  /** The webhook channel's notifier; it may read the store (the records' sources). */
  readonly notifier: Layer.Layer<Notifier, E, SqlClient.SqlClient>
  /** A span for every use case, store call and outbound delivery (telemetry on). */
  readonly traced?: boolean
}

/** The store (SQLite or PostgreSQL, with its SQL client for the receiver's own tables), the ports, the use cases. */
export const receiverLayer = <E>(parts: ReceiverLayerParts<E>): Layer.Layer<ReceiverServices, E> => {
  const traced = parts.traced === true
  const store = traced ? tracedLayer(storePortTags, "store")(parts.store) : parts.store
  const notifier = Layer.provide(parts.notifier, parts.store)
  // Documents: the decision sheets filed on children's files, fetched by the sources that sent the requests.
  const useCases = Layer.mergeAll(Referrals.Default, Placements.Default, ChildRecords.Default, Documents.Default.pipe(Layer.provide(Sittings.Default))).pipe(
    Layer.provideMerge(Layer.mergeAll(store, RandomIds, policiesLayer(parts.policies), EnglandAndWalesCalendar, traced ? tracedLayer(deliveryTags, "outbox")(notifier) : notifier))
  )
  return traced ? tracedLayer([Referrals, Placements, ChildRecords, Documents], "core")(useCases) : useCases
}
