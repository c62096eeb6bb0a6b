import { DateTime, Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { Policies } from "../ports/Policies.js"
import type { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { everyRole } from "../shared/roles.js"
import { authorise, permission } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { deadlinesOf, openDeadlinesOf } from "./computeDeadlines.js"
import { everyDeadlineInput, liveDeadlineInputs } from "./liveDeadlineInputs.js"

export const deadlineReaders = permission("see deadlines", ...everyRole)

export interface DeadlineQuery {
  /** Include clocks already met. */
  readonly includeMet?: boolean
  /** "Due soon" window in hours; 48 unless said otherwise. */
  readonly dueSoonHours?: number
}

/**
 * The deadlines read model, computed at the current instant from the read models: of requests, only what their clocks
 * read (`referralClocks`, not the whole request with its form); the running ones from the records that may have a
 * running clock (`liveDeadlineInputs`), every clock from every record.
 */
export class Deadlines extends Effect.Service<Deadlines>()("@carepanel/core/Deadlines", {
  effect: Effect.gen(function* () {
    const context = yield* Effect.context<ReadModels | Policies | WorkingCalendar>()

    return {
      forAuthority: (actor: Actor, query: DeadlineQuery = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, deadlineReaders)
          const authority = yield* authorityContext(actor.authorityId)
          const now = yield* DateTime.now
          const at = { now, dueSoonHours: query.dueSoonHours ?? 48 }
          if (query.includeMet) return deadlinesOf(yield* everyDeadlineInput(actor.authorityId), authority, at)
          return openDeadlinesOf(yield* liveDeadlineInputs(actor.authorityId, authority.policy, now), authority, at)
        }).pipe(Effect.provide(context))
    }
  })
}) {}
