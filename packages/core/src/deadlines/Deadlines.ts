import { DateTime, Effect, Schema } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import type { Actor } from "../shared/actor.js"
import { authorise, permission } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { Sitting } from "../sitting/Sitting.js"
import { sittingCollection } from "../sitting/sittingAggregate.js"
import { deadlinesOf, openDeadlines } from "./computeDeadlines.js"

export const deadlineReaders = permission(
  "see deadlines",
  "social_worker", "practice_supervisor", "team_manager", "head_of_service", "service_manager", "assistant_director",
  "panel_chair", "vice_chair", "panel_administrator", "panel_member", "integrator", "auditor"
)

export interface DeadlineQuery {
  /** Include clocks already met. */
  readonly includeMet?: boolean
  /** "Due soon" window in hours; 48 unless said otherwise. */
  readonly dueSoonHours?: number
}

/** The deadlines read model, computed from the referral and sitting read models at the current instant. */
export class Deadlines extends Effect.Service<Deadlines>()("@carepanel/core/Deadlines", {
  effect: Effect.gen(function* () {
    const readModels = yield* ReadModels
    const context = yield* Effect.context<Policies | WorkingCalendar>()
    const all = <A, I>(collection: string, schema: Schema.Schema<A, I>, actor: Actor) =>
      readModels
        .query({ collection, authorityId: actor.authorityId })
        .pipe(Effect.flatMap((rows) => Effect.forEach(rows, (row) => Schema.decodeUnknown(schema)(row.doc).pipe(Effect.orDie))))

    return {
      forAuthority: (actor: Actor, query: DeadlineQuery = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, deadlineReaders)
          const authority = yield* authorityContext(actor.authorityId)
          const [referrals, sittings] = yield* Effect.all([all(referralCollection, Referral, actor), all(sittingCollection, Sitting, actor)])
          const now = yield* DateTime.now
          const deadlines = deadlinesOf({ referrals, sittings }, authority, { now, dueSoonHours: query.dueSoonHours ?? 48 })
          return query.includeMet ? deadlines : openDeadlines(deadlines)
        }).pipe(Effect.provide(context))
    }
  })
}) {}
