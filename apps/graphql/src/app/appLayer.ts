import {
  type AccessLog,
  Agendas,
  type AuthorityPolicy,
  CalendarFeeds,
  Deadlines,
  Decisions,
  Disagreements,
  Documents,
  EnglandAndWalesCalendar,
  type EventStore,
  type IdGenerator,
  type Notifier,
  type Outbox,
  Placements,
  type Policies,
  type ReadModels,
  Referrals,
  Reports,
  Sittings,
  type WorkingCalendar
} from "@carepanel/core"
import { Layer } from "effect"
import { policiesLayer } from "./policies.js"
import { RandomIds } from "./randomIds.js"

/** The ports a store adapter provides (SQLite, PostgreSQL, or in memory). */
export type StorePorts = EventStore | ReadModels | Outbox

/** Everything a request's effect may use: the core's use cases and the ports under them. */
export type AppServices =
  | Referrals
  | Sittings
  | Agendas
  | Decisions
  | Disagreements
  | Placements
  | Deadlines
  | Reports
  | Documents
  | CalendarFeeds
  | StorePorts
  | AccessLog
  | Policies
  | WorkingCalendar
  | IdGenerator
  | Notifier

export interface AppLayerParts<E> {
  readonly store: Layer.Layer<StorePorts, E>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly accessLog: Layer.Layer<AccessLog, E>
  readonly notifier: Layer.Layer<Notifier, E>
  readonly ids?: Layer.Layer<IdGenerator>
}

/** One layer for the whole app: the ports, then the core's use-case services on top of them. */
export const appLayer = <E>(parts: AppLayerParts<E>): Layer.Layer<AppServices, E> => {
  const ports = Layer.mergeAll(
    parts.store,
    parts.ids ?? RandomIds,
    policiesLayer(parts.policies),
    EnglandAndWalesCalendar,
    parts.accessLog,
    parts.notifier
  )
  return Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Placements.Default, Deadlines.Default, Agendas.Default, Reports.Default, Documents.Default, CalendarFeeds.Default).pipe(
    Layer.provideMerge(Sittings.Default),
    Layer.provideMerge(ports)
  )
}
