import { DateTime, Effect, ParseResult, Schema } from "effect"
import { readAll } from "../agenda/readAll.js"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import { deadlinesOf } from "../deadlines/computeDeadlines.js"
import { Decision } from "../decision/Decision.js"
import { decisionCollection } from "../decision/decisionAggregate.js"
import { Disagreement } from "../disagreement/Disagreement.js"
import { disagreementCollection } from "../disagreement/disagreementAggregate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Policies } from "../ports/Policies.js"
import type { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import { Placement } from "../regulation24/Placement.js"
import { placementCollection } from "../regulation24/placementAggregate.js"
import type { Actor } from "../shared/actor.js"
import { authorise, permission } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { NotFound } from "../shared/errors.js"
import type { SittingId } from "../shared/ids.js"
import { Sitting } from "../sitting/Sitting.js"
import { sittingCollection } from "../sitting/sittingAggregate.js"
import { annualActivityReview } from "./annualActivityReview.js"
import { edgeOfCareSummary } from "./edgeOfCareSummary.js"
import { Period } from "./Period.js"
import { periodReport } from "./periodReport.js"
import { InvalidReportPeriod } from "./ReportErrors.js"
import type { ReportInputs } from "./ReportInputs.js"
import { sittingReport } from "./sittingReport.js"

/** Panel management and oversight: not caseworkers, members or integrators (reports span every child). */
export const reportReaders = permission(
  "see panel reports",
  "panel_administrator", "panel_chair", "vice_chair", "assistant_director", "head_of_service", "service_manager", "auditor"
)

/** Clocks falling due within this many hours count as due soon in a report, as on the deadlines screen. */
const dueSoonHours = 48

const period = (input: { readonly from: string; readonly to: string }) =>
  Schema.decodeUnknown(Period)(input).pipe(
    Effect.mapError((error) => new InvalidReportPeriod({ message: ParseResult.TreeFormatter.formatErrorSync(error) }))
  )

/** Panel reports (KNO-3, LIN-10) over the actor's own authority's read models, with its clocks as of now. */
export class Reports extends Effect.Service<Reports>()("@carepanel/core/Reports", {
  effect: Effect.gen(function* () {
    const context = yield* Effect.context<ReadModels | Policies | WorkingCalendar>()

    /** Every record of the actor's authority, decoded with its state schema, and its clocks as of now. */
    const inputsFor = (actor: Actor) =>
      Effect.gen(function* () {
        const authority = yield* authorityContext(actor.authorityId)
        const mine = <A extends { readonly authorityId: string }, I>(collection: string, schema: Schema.Schema<A, I>) =>
          readAll(collection, schema, actor.authorityId).pipe(Effect.map((docs) => docs.filter((doc) => doc.authorityId === actor.authorityId)))
        const [referrals, sittings, decisions, disagreements, placements] = yield* Effect.all([
          mine(referralCollection, Referral),
          mine(sittingCollection, Sitting),
          mine(decisionCollection, Decision),
          mine(disagreementCollection, Disagreement),
          mine(placementCollection, Placement)
        ])
        const asOf = yield* DateTime.now
        const deadlines = deadlinesOf({ referrals, sittings, decisions, disagreements, placements }, authority, { now: asOf, dueSoonHours })
        return { referrals, sittings, decisions, disagreements, placements, deadlines, calendar: authority.calendar, asOf, policy: authority.policy }
      }).pipe(Effect.provide(context))

    /** Authorise first, then check the period, then read: nothing is read for a refused or malformed request. */
    const overPeriod = <R>(
      actor: Actor,
      range: { readonly from: string; readonly to: string },
      report: (period: Period, inputs: ReportInputs & { readonly policy: AuthorityPolicy }) => R
    ) =>
      Effect.gen(function* () {
        yield* authorise(actor, reportReaders)
        const valid = yield* period(range)
        return report(valid, yield* inputsFor(actor))
      })

    return {
      /** One sitting's report; a sitting of another authority answers as a missing one. */
      sitting: (actor: Actor, sittingId: SittingId) =>
        Effect.gen(function* () {
          yield* authorise(actor, reportReaders)
          const report = sittingReport(sittingId, yield* inputsFor(actor))
          if (report === undefined) return yield* Effect.fail(NotFound.of("sitting", sittingId))
          return report
        }),
      /** Activity between two London dates, both included. */
      period: (actor: Actor, range: { readonly from: string; readonly to: string }) => overPeriod(actor, range, periodReport),
      /** KNO-3's demand, capacity and impact summary for edge-of-care services. */
      edgeOfCare: (actor: Actor, range: { readonly from: string; readonly to: string }) =>
        overPeriod(actor, range, (valid, inputs) => edgeOfCareSummary(valid, inputs, inputs.policy.edgeOfCare?.services ?? [])),
      /** LIN-10's annual review: the calendar year, or from `firstMonth` (4 for April to March). */
      annual: (actor: Actor, year: number, options: { readonly firstMonth?: number } = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, reportReaders)
          const firstMonth = options.firstMonth ?? 1
          if (!Number.isInteger(year) || year < 2000 || year > 2200 || !Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) {
            return yield* new InvalidReportPeriod({ message: `There is no reporting year ${year} starting in month ${firstMonth}.` })
          }
          return annualActivityReview(year, yield* inputsFor(actor), { firstMonth })
        })
    }
  })
}) {}
