import { Schema } from "effect"
import { missed, RuleRow, ruleRows, dueWithin } from "./clockRows.js"
import { DisagreementOutcomeRow, disagreementOutcomeRows } from "./disagreementRows.js"
import { dateWithin, monthsOf, Period, within, yearOf } from "./Period.js"
import type { ReportInputs } from "./ReportInputs.js"
import { TypeRow, typeRows } from "./requestRows.js"
import { median, rate, Stats, statsOf } from "./stats.js"
import { isMade, type Timeline, timelines } from "./timeline.js"

const maybe = <A>(schema: Schema.Schema<A>) => Schema.UndefinedOr(schema)

/** One month of panel activity (or the whole year, on the total row). */
export const ActivityRow = Schema.Struct({
  month: Schema.String,
  sittingsHeld: Schema.Int,
  sittingsCancelled: Schema.Int,
  requestsSubmitted: Schema.Int,
  children: Schema.Int,
  decisions: Schema.Int,
  approved: Schema.Int,
  declined: Schema.Int,
  deferred: Schema.Int,
  outsidePanel: Schema.Int,
  /** Deferrals among the month's decisions. */
  deferralRate: maybe(Schema.Number),
  /** Deferrals that were a request's second or later: drift. */
  repeatDeferrals: Schema.Int,
  medianCalendarDaysToFirstDecision: maybe(Schema.Number),
  medianWorkingDaysToFirstDecision: maybe(Schema.Number),
  actionsDue: Schema.Int,
  actionsMissed: Schema.Int,
  disagreementsRecorded: Schema.Int,
  disagreementsResolved: Schema.Int,
  regulation24Placements: Schema.Int
})
export type ActivityRow = typeof ActivityRow.Type

export const AnnualActivityReview = Schema.Struct({
  year: Schema.Int,
  period: Period,
  months: Schema.Array(ActivityRow),
  total: ActivityRow,
  requestsByType: Schema.Array(TypeRow),
  timeToFirstDecision: Schema.Struct({ calendarDays: Stats, workingDays: Stats }),
  clocksByRule: Schema.Array(RuleRow),
  disagreementsByOutcome: Schema.Array(DisagreementOutcomeRow)
})
export type AnnualActivityReview = typeof AnnualActivityReview.Type

/** Each deferral with how many deferrals of the same request came before it, itself included. */
const deferralsWithCount = (timeline: Timeline) =>
  timeline.hearings.filter((hearing) => hearing.outcome === "defer").map((hearing, i) => ({ at: hearing.at, nth: i + 1 }))

const activity = (month: string, period: Period, all: ReadonlyArray<Timeline>, inputs: ReportInputs): ActivityRow => {
  const submitted = all.filter((timeline) => within(period, timeline.referral.submittedAt))
  const decisions = inputs.decisions.filter((decision) => isMade(decision) && within(period, decision.heardAt))
  const outcome = (wanted: string) => decisions.filter((decision) => decision.content.outcome === wanted).length
  const firstIn = all.filter((timeline) => within(period, timeline.first?.at)).flatMap((timeline) => timeline.toFirstDecision ?? [])
  const sittings = inputs.sittings.filter((sitting) => dateWithin(period, sitting.date))
  const actions = dueWithin(period, inputs.deadlines).filter((deadline) => deadline.about.kind === "action")
  return {
    month,
    sittingsHeld: sittings.filter((sitting) => sitting.cancelled === undefined).length,
    sittingsCancelled: sittings.filter((sitting) => sitting.cancelled !== undefined).length,
    requestsSubmitted: submitted.length,
    children: new Set(submitted.flatMap((timeline) => timeline.referral.form.children.map((child) => child.childId))).size,
    decisions: decisions.length,
    approved: outcome("approve"),
    declined: outcome("decline"),
    deferred: outcome("defer"),
    outsidePanel: decisions.filter((decision) => decision.madeAt === "outside_panel").length,
    deferralRate: rate(outcome("defer"), decisions.length),
    repeatDeferrals: all.flatMap(deferralsWithCount).filter((deferral) => deferral.nth >= 2 && within(period, deferral.at)).length,
    medianCalendarDaysToFirstDecision: median(firstIn.map((days) => days.calendarDays)),
    medianWorkingDaysToFirstDecision: median(firstIn.map((days) => days.workingDays)),
    actionsDue: actions.length,
    actionsMissed: actions.filter(missed).length,
    disagreementsRecorded: inputs.disagreements.filter((disagreement) => within(period, disagreement.recordedAt)).length,
    disagreementsResolved: inputs.disagreements.filter((disagreement) => within(period, disagreement.outcome?.at)).length,
    regulation24Placements: inputs.placements.filter((placement) => within(period, placement.placement?.placedAt)).length
  }
}

/**
 * LIN-10's annual review of panel activity: month by month and for the year, sittings, requests, decisions and
 * their outcomes, the median time from request to first decision (calendar and working days), the deferral rate
 * and repeat deferrals, actions due and missed, disagreements and Regulation 24 placements. The year runs from
 * January, or from `firstMonth` (4 for a council's April to March year) and is named by the year it starts in.
 */
export const annualActivityReview = (year: number, inputs: ReportInputs, options: { readonly firstMonth?: number } = {}): AnnualActivityReview => {
  const period = yearOf(year, options.firstMonth)
  const all = timelines(inputs.referrals, inputs.decisions, inputs.calendar)
  const firstIn = all.filter((timeline) => within(period, timeline.first?.at)).flatMap((timeline) => timeline.toFirstDecision ?? [])
  return {
    year,
    period,
    months: monthsOf(period).map(({ month, period: inMonth }) => activity(month, inMonth, all, inputs)),
    total: activity(`${period.from.slice(0, 7)}..${period.to.slice(0, 7)}`, period, all, inputs),
    requestsByType: typeRows(all.filter((timeline) => within(period, timeline.referral.submittedAt))),
    timeToFirstDecision: {
      calendarDays: statsOf(firstIn.map((days) => days.calendarDays)),
      workingDays: statsOf(firstIn.map((days) => days.workingDays))
    },
    clocksByRule: ruleRows(dueWithin(period, inputs.deadlines), inputs.policy),
    disagreementsByOutcome: disagreementOutcomeRows(inputs.disagreements.filter((disagreement) => within(period, disagreement.recordedAt)))
  }
}
