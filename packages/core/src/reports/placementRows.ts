import { DateTime, Schema } from "effect"
import type { Deadline } from "../deadlines/Deadline.js"
import { currentExpiry, type Placement, placementEndedAt } from "../regulation24/Placement.js"
import { dayOf, type Period, within } from "./Period.js"

const maybe = <A>(schema: Schema.Schema<A>) => Schema.UndefinedOr(schema)

/**
 * One connected-person placement and its clocks (LIN-14..18, STAT-R24, STAT-R25-1): each step's date, whether the
 * local clocks were met in time, when the temporary approval ends, and how its clocks stand.
 */
export const PlacementRow = Schema.Struct({
  placementId: Schema.String,
  childId: Schema.String,
  status: Schema.String,
  urgent: Schema.Boolean,
  basicTestOn: Schema.String,
  placedOn: maybe(Schema.String),
  viabilityOn: maybe(Schema.String),
  viabilityLate: maybe(Schema.Boolean),
  authorisedOn: maybe(Schema.String),
  kinshipReferralOn: maybe(Schema.String),
  kinshipReferralLate: maybe(Schema.Boolean),
  lookedAfterConsentOn: maybe(Schema.String),
  approvalEndsOn: maybe(Schema.String),
  extensionWeeks: maybe(Schema.Int),
  pendingReview: Schema.Boolean,
  endedOn: maybe(Schema.String),
  endReason: maybe(Schema.String),
  clocksOverdue: Schema.Int,
  clocksMetLate: Schema.Int,
  nextClockRule: maybe(Schema.String),
  nextClockDue: maybe(Schema.String)
})
export type PlacementRow = typeof PlacementRow.Type

const on = (step: { readonly at: DateTime.Utc } | undefined) => (step === undefined ? undefined : dayOf(step.at))

export const placementRow = (placement: Placement, deadlines: ReadonlyArray<Deadline>): PlacementRow => {
  const clocks = deadlines.filter((deadline) => deadline.about.kind === "placement" && deadline.about.id === placement.id)
  const next = clocks.filter((deadline) => deadline.state !== "met").sort((a, b) => DateTime.distance(b.due, a.due))[0]
  const expiry = placement.approval === undefined ? undefined : currentExpiry(placement.approval)
  return {
    placementId: placement.id,
    childId: placement.childId,
    status: placement.status,
    urgent: placement.urgent,
    basicTestOn: dayOf(placement.basicTest.at),
    placedOn: placement.placement === undefined ? undefined : dayOf(placement.placement.placedAt),
    viabilityOn: on(placement.viabilityAssessment),
    viabilityLate: placement.viabilityAssessment?.late,
    authorisedOn: on(placement.authorisation),
    kinshipReferralOn: on(placement.kinshipReferral),
    kinshipReferralLate: placement.kinshipReferral?.late,
    lookedAfterConsentOn: on(placement.lookedAfterConsent),
    approvalEndsOn: placement.status === "placed" && expiry !== undefined ? dayOf(expiry) : undefined,
    extensionWeeks: placement.approval?.extension?.weeks,
    pendingReview: placement.approval?.pendingReview !== undefined,
    endedOn: placement.ended === undefined ? undefined : dayOf(placementEndedAt(placement)!),
    endReason: placement.ended?.reason,
    clocksOverdue: clocks.filter((deadline) => deadline.state === "overdue").length,
    clocksMetLate: clocks.filter((deadline) => deadline.metLate === true).length,
    nextClockRule: next?.ruleId,
    nextClockDue: next === undefined ? undefined : DateTime.formatIso(next.due)
  }
}

/**
 * Placements that were live at some point in the period: identified or placed by its end, and not ended (nor
 * found not to be Regulation 24) before it began.
 */
export const liveIn = (period: Period, placement: Placement): boolean => {
  const started = placement.placement?.placedAt ?? placement.basicTest.at
  if (dayOf(started) > period.to) return false
  if (placement.status === "not_regulation24") return within(period, placement.basicTest.at)
  return placement.ended === undefined || dayOf(placementEndedAt(placement)!) >= period.from
}
