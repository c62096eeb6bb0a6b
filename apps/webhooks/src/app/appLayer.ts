import { policiesLayer, RandomIds } from "@carepanel/app-kit"
import { type AuthorityPolicy, ChildRecords, EnglandAndWalesCalendar, type Notifier, Placements, Referrals } from "@carepanel/core"
import type { StoreServices } from "@carepanel/store-sql"
import type { SqlClient } from "@effect/sql"
import { Layer } from "effect"

export type ReceiverServices = Referrals | Placements | ChildRecords | StoreServices | Notifier

export interface ReceiverLayerParts<E> {
  readonly store: Layer.Layer<StoreServices, E>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  /** The webhook channel's notifier; it may read the store (the records' sources). */
  readonly notifier: Layer.Layer<Notifier, E, SqlClient.SqlClient>
}

/** The store (SQLite or PostgreSQL, with its SQL client for the receiver's own tables), the ports, the use cases. */
export const receiverLayer = <E>(parts: ReceiverLayerParts<E>): Layer.Layer<ReceiverServices, E> =>
  Layer.mergeAll(Referrals.Default, Placements.Default, ChildRecords.Default).pipe(
    Layer.provideMerge(Layer.mergeAll(parts.store, RandomIds, policiesLayer(parts.policies), EnglandAndWalesCalendar, Layer.provide(parts.notifier, parts.store)))
  )
