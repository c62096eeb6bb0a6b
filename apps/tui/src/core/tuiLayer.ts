import {
  type AccessLog,
  Agendas,
  type AuthorityPolicy,
  Deadlines,
  Decisions,
  Disagreements,
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
import { staticPolicies } from "@carepanel/core/testing"
import { Layer } from "effect"

export type StorePorts = EventStore | ReadModels | Outbox

/** What a screen's effect may use: the core's use cases and the ports under them. */
export type TuiServices =
  | Referrals
  | Sittings
  | Agendas
  | Decisions
  | Disagreements
  | Placements
  | Deadlines
  | Reports
  | StorePorts
  | AccessLog
  | Policies
  | WorkingCalendar
  | IdGenerator
  | Notifier

export interface TuiLayerParts {
  readonly store: Layer.Layer<StorePorts, unknown>
  readonly accessLog: Layer.Layer<AccessLog, unknown>
  readonly notifier: Layer.Layer<Notifier, unknown>
  readonly ids: Layer.Layer<IdGenerator>
  readonly policies: ReadonlyArray<AuthorityPolicy>
}

/** The core on this process's adapters, as the API wires it: ports first, then the use cases on top. */
export const tuiLayer = (parts: TuiLayerParts): Layer.Layer<TuiServices, unknown> => {
  const ports = Layer.mergeAll(parts.store, parts.ids, staticPolicies(...parts.policies), EnglandAndWalesCalendar, parts.accessLog, parts.notifier)
  return Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Placements.Default, Deadlines.Default, Agendas.Default, Reports.Default).pipe(
    Layer.provideMerge(Sittings.Default),
    Layer.provideMerge(ports)
  )
}
