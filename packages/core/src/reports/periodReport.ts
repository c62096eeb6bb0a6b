import { Schema } from "effect"
import { ClockRow, clockRow, dueWithin, overdueActions, RuleRow, ruleRows } from "./clockRows.js"
import { DisagreementOutcomeRow, disagreementOutcomeRows, DisagreementRow, disagreementRow } from "./disagreementRows.js"
import { dayOf, Period, within } from "./Period.js"
import { liveIn, PlacementRow, placementRow } from "./placementRows.js"
import { RequestRow, requestRow, TypeRow, typeRows } from "./requestRows.js"
import type { ReportInputs } from "./ReportInputs.js"
import { rate, Stats, statsOf } from "./stats.js"
import { isMade, type Timeline, timelines } from "./timeline.js"

/** Decisions made in the period by outcome, at panel and outside it. */
export const DecisionOutcomeRow = Schema.Struct({ outcome: Schema.String, atPanel: Schema.Int, outsidePanel: Schema.Int, total: Schema.Int })
export type DecisionOutcomeRow = typeof DecisionOutcomeRow.Type

export const PeriodSummary = Schema.Struct({
  requestsSubmitted: Schema.Int,
  childrenInRequests: Schema.Int,
  decisions: Schema.Int,
  approved: Schema.Int,
  declined: Schema.Int,
  deferred: Schema.Int,
  deferralRate: Schema.UndefinedOr(Schema.Number),
  requestsDeferred: Schema.Int,
  repeatDeferrals: Schema.Int,
  overdueActions: Schema.Int,
  disagreementsRecorded: Schema.Int,
  placementsLive: Schema.Int
})
export type PeriodSummary = typeof PeriodSummary.Type

export const PeriodReport = Schema.Struct({
  period: Period,
  summary: PeriodSummary,
  /** Requests submitted in the period, by type and where they stand now. */
  requestsByType: Schema.Array(TypeRow),
  decisionsByOutcome: Schema.Array(DecisionOutcomeRow),
  /** From submission to the first decision, for requests first decided in the period. */
  timeToFirstDecision: Schema.Struct({ calendarDays: Stats, workingDays: Stats }),
  /** From submission to approval or refusal, for requests that landed in the period: deferrals show here. */
  timeToOutcome: Schema.Struct({ calendarDays: Stats, workingDays: Stats }),
  requests: Schema.Array(RequestRow),
  /** Requests deferred in the period that had been deferred twice or more by its end: drift. */
  drift: Schema.Array(RequestRow),
  overdueActions: Schema.Array(ClockRow),
  clocksByRule: Schema.Array(RuleRow),
  disagreements: Schema.Array(DisagreementRow),
  disagreementsByOutcome: Schema.Array(DisagreementOutcomeRow),
  placements: Schema.Array(PlacementRow)
})
export type PeriodReport = typeof PeriodReport.Type

const spread = (elapsed: ReadonlyArray<{ readonly calendarDays: number; readonly workingDays: number }>) => ({
  calendarDays: statsOf(elapsed.map((days) => days.calendarDays)),
  workingDays: statsOf(elapsed.map((days) => days.workingDays))
})

/** The activity of a period (London dates, both ends included); see each field for what it counts. */
export const periodReport = (period: Period, inputs: ReportInputs): PeriodReport => {
  const all = timelines(inputs.referrals, inputs.decisions, inputs.calendar)
  const submitted = all.filter((timeline) => within(period, timeline.referral.submittedAt))
  const decisions = inputs.decisions.filter((decision) => isMade(decision) && within(period, decision.heardAt))
  const deferralsIn = (timeline: Timeline) => timeline.hearings.filter((hearing) => hearing.outcome === "defer" && within(period, hearing.at))
  const deferredIn = all.filter((timeline) => deferralsIn(timeline).length > 0)
  // Drift as it stood at the period's end: a second deferral after it belongs to a later period.
  const driftingThen = (timeline: Timeline) =>
    timeline.hearings.filter((hearing) => hearing.outcome === "defer" && dayOf(hearing.at) <= period.to).length >= 2
  const firstIn = all.filter((timeline) => within(period, timeline.first?.at))
  const landedIn = all.filter((timeline) => within(period, timeline.outcome?.at))
  const disagreements = inputs.disagreements.filter((disagreement) => within(period, disagreement.recordedAt))
  const placements = inputs.placements.filter((placement) => liveIn(period, placement))
  const overdue: ReadonlyArray<ClockRow> = overdueActions(period, inputs.deadlines).map((deadline) => clockRow(deadline, inputs.policy))
  const byOutcome = (outcome: string) => decisions.filter((decision) => decision.content.outcome === outcome)
  return {
    period,
    summary: {
      requestsSubmitted: submitted.length,
      childrenInRequests: new Set(submitted.flatMap((timeline) => timeline.referral.form.children.map((child) => child.childId))).size,
      decisions: decisions.length,
      approved: byOutcome("approve").length,
      declined: byOutcome("decline").length,
      deferred: byOutcome("defer").length,
      deferralRate: rate(byOutcome("defer").length, decisions.length),
      requestsDeferred: deferredIn.length,
      repeatDeferrals: deferredIn.filter(driftingThen).length,
      overdueActions: overdue.length,
      disagreementsRecorded: disagreements.length,
      placementsLive: placements.length
    },
    requestsByType: typeRows(submitted),
    decisionsByOutcome: ["approve", "decline", "defer"].map((outcome) => ({
      outcome,
      atPanel: byOutcome(outcome).filter((decision) => decision.madeAt === "panel").length,
      outsidePanel: byOutcome(outcome).filter((decision) => decision.madeAt === "outside_panel").length,
      total: byOutcome(outcome).length
    })),
    timeToFirstDecision: spread(firstIn.flatMap((timeline) => timeline.toFirstDecision ?? [])),
    timeToOutcome: spread(landedIn.flatMap((timeline) => timeline.toOutcome ?? [])),
    requests: submitted.map(requestRow),
    drift: deferredIn.filter(driftingThen).map(requestRow),
    overdueActions: overdue,
    clocksByRule: ruleRows(dueWithin(period, inputs.deadlines), inputs.policy),
    disagreements: disagreements.map((disagreement) => disagreementRow(disagreement, inputs.deadlines)),
    disagreementsByOutcome: disagreementOutcomeRows(disagreements),
    placements: placements.map((placement) => placementRow(placement, inputs.deadlines))
  }
}
