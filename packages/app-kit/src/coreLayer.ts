import {
  type AccessLog,
  Agendas,
  type AuthorityPolicy,
  CalendarFeeds,
  ChildReads,
  Deadlines,
  Deliveries,
  Decisions,
  Disagreements,
  Documents,
  EnglandAndWalesCalendar,
  type EventStore,
  type IdGenerator,
  type Notifier,
  type Outbox,
  Placements,
  ChildRecords,
  type Policies,
  type ReadModels,
  Referrals,
  Reports,
  Sittings,
  type WebhookDeliveries,
  type WorkingCalendar
} from "@carepanel/core"
import { Layer } from "effect"
import { policiesLayer } from "./policies.js"
import { RandomIds } from "./randomIds.js"

/** The ports a store adapter provides (SQLite, PostgreSQL, or in memory). */
export type StorePorts = EventStore | ReadModels | Outbox | WebhookDeliveries

/** The core's use cases and the ports under them: what an app's effects may use. */
export type CoreServices =
  | Referrals
  | Sittings
  | Agendas
  | Decisions
  | Disagreements
  | Placements
  | ChildRecords
  | Deadlines
  | Reports
  | Documents
  | CalendarFeeds
  | ChildReads
  | Deliveries
  | StorePorts
  | AccessLog
  | Policies
  | WorkingCalendar
  | IdGenerator
  | Notifier

export interface CoreLayerParts<E> {
  readonly store: Layer.Layer<StorePorts, E>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly accessLog: Layer.Layer<AccessLog, E>
  readonly notifier: Layer.Layer<Notifier, E>
  /** Random time-ordered ids unless given (tests give fixed ones). */
  readonly ids?: Layer.Layer<IdGenerator>
}

/** One layer for an app: its adapters as the core's ports, England and Wales's working days, then the use cases. */
export const coreLayer = <E>(parts: CoreLayerParts<E>): Layer.Layer<CoreServices, E> => {
  const ports = Layer.mergeAll(parts.store, parts.ids ?? RandomIds, policiesLayer(parts.policies), EnglandAndWalesCalendar, parts.accessLog, parts.notifier)
  return Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Placements.Default, ChildRecords.Default, Deadlines.Default, Agendas.Default, Reports.Default, Documents.Default, CalendarFeeds.Default, Deliveries.Default, ChildReads.Default).pipe(
    Layer.provideMerge(Sittings.Default),
    Layer.provideMerge(ports)
  )
}
