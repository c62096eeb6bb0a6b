import {
  AccessLog,
  Agendas,
  type AuthorityPolicy,
  CalendarFeeds,
  ChildReads,
  ClockReminders,
  Deadlines,
  Deliveries,
  Decisions,
  Disagreements,
  Documents,
  EnglandAndWalesCalendar,
  EventStore,
  type IdGenerator,
  Notifier,
  Outbox,
  Placements,
  ChildRecords,
  type Policies,
  ReadModels,
  Referrals,
  RequestKeys,
  Reports,
  Sittings,
  WebhookDeliveries,
  type WorkingCalendar
} from "@carepanel/core"
import { Layer } from "effect"
import { policiesLayer } from "./policies.js"
import { RandomIds } from "./randomIds.js"
import { type AnyTag, tracedLayer } from "./telemetry/tracedServices.js"

/** The ports a store adapter provides (SQLite, PostgreSQL, or in memory). */
export type StorePorts = EventStore | ReadModels | Outbox | WebhookDeliveries | RequestKeys

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
  | ClockReminders
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
  /** A span for every use case, store call and delivery (only worth it when telemetry exports them). */
  readonly traced?: boolean
}

/** The ports whose calls are spans `store.<Port>.<method>` (the SQL statements under them are `sql.execute`). */
export const storePortTags = [EventStore, ReadModels, Outbox, WebhookDeliveries, RequestKeys, AccessLog] as const

/** The use cases whose calls (the core's commands and queries) are spans `core.<UseCase>.<method>` (and Sittings, which several of them use). */
export const useCaseTags = [Referrals, Agendas, Decisions, Disagreements, Placements, ChildRecords, Deadlines, ClockReminders, Reports, Documents, CalendarFeeds, Deliveries] as const

/** Each delivery the outbox's dispatcher makes is a span `outbox.Notifier.deliver`. */
export const deliveryTags = [Notifier] as const

/** One layer for an app: its adapters as the core's ports, England and Wales's working days, then the use cases. */
export const coreLayer = <E>(parts: CoreLayerParts<E>): Layer.Layer<CoreServices, E> => {
  const traced = <A, R>(tags: ReadonlyArray<AnyTag>, prefix: string, layer: Layer.Layer<A, E, R>) => (parts.traced === true ? tracedLayer(tags, prefix)(layer) : layer)
  const ports = Layer.mergeAll(
    traced(storePortTags, "store", Layer.merge(parts.store, parts.accessLog)),
    parts.ids ?? RandomIds,
    policiesLayer(parts.policies),
    EnglandAndWalesCalendar,
    traced(deliveryTags, "outbox", parts.notifier)
  )
  return traced(
    useCaseTags,
    "core",
    Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Placements.Default, ChildRecords.Default, Deadlines.Default, ClockReminders.Default, Agendas.Default, Reports.Default, Documents.Default, CalendarFeeds.Default, Deliveries.Default, ChildReads.Default).pipe(
      Layer.provideMerge(traced([Sittings], "core", Sittings.Default)),
      Layer.provideMerge(ports)
    )
  )
}
