import { DateTime, Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import { awaitedUnder, hangsOnAHearing } from "../deadlines/awaiting.js"
import { decisionsMarked } from "../deadlines/markedRecords.js"
import type { Policies } from "../ports/Policies.js"
import type { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import type { Actor } from "../shared/actor.js"
import { authorise } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { NotFound } from "../shared/errors.js"
import type { SittingId } from "../shared/ids.js"
import { Sitting } from "../sitting/Sitting.js"
import { sittingCollection } from "../sitting/sittingAggregate.js"
import { Sittings, sittingPermissions } from "../sitting/Sittings.js"
import { proposeAgenda } from "./proposeAgenda.js"
import { readAll, readWhere } from "./readAll.js"

/** The markers of the decisions an agenda may take up: a return or review owed, a retrospective presentation. */
const bringsBack = (marker: string) => hangsOnAHearing(marker) || marker === "retrospective"

/** Builds a sitting's agenda from what is due: accepted requests, reviews (CPR-10), retrospective items (NSO-10). */
export class Agendas extends Effect.Service<Agendas>()("@carepanel/core/Agendas", {
  effect: Effect.gen(function* () {
    const sittings = yield* Sittings
    const context = yield* Effect.context<ReadModels | Policies | WorkingCalendar>()

    const propose = (actor: Actor, sittingId: SittingId) =>
      Effect.gen(function* () {
        yield* authorise(actor, sittingPermissions.BuildAgenda)
        const { policy, calendar } = yield* authorityContext(actor.authorityId)
        // Only the decisions that can bring their request back (a return, a review) or be presented (NSO-10, KNO-5),
        // with their requests' other decisions: not every decision the authority ever made.
        const [decisions, allSittings] = yield* Effect.all([
          decisionsMarked(actor.authorityId, awaitedUnder(policy).decisions.filter(bringsBack)),
          readAll(sittingCollection, Sitting, actor.authorityId)
        ])
        const sitting = allSittings.find((candidate) => candidate.id === sittingId)
        if (sitting === undefined) return yield* Effect.fail(NotFound.of("sitting", sittingId))
        // Only these requests can be on its agenda: those accepted onto its panel's sittings (onto it, or onto one the
        // chair found too few members for), and those ready for its panel (deferred back, or going to panel
        // automatically). Not every request the authority ever had.
        const [accepted, ready] = yield* Effect.all([
          readWhere(referralCollection, Referral, actor.authorityId, { status: "accepted", panelId: sitting.panelId }),
          readWhere(referralCollection, Referral, actor.authorityId, { status: "ready", panelId: sitting.panelId })
        ])
        const referrals = [...accepted, ...ready]
        return proposeAgenda(sitting, { referrals, decisions, sittings: allSittings, now: yield* DateTime.now }, policy, calendar)
      }).pipe(Effect.provide(context))

    return {
      propose,
      /** Proposes and builds in one step; the administrator can still build a different agenda by hand. */
      build: (actor: Actor, sittingId: SittingId) =>
        propose(actor, sittingId).pipe(Effect.flatMap((entries) => sittings.buildAgenda(actor, sittingId, entries)))
    }
  })
}) {}
