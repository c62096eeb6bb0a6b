import { DateTime, Schema } from "effect"
import { daysBetween } from "../calendar/LocalDate.js"
import type { Decision } from "../decision/Decision.js"
import type { EdgeOfCareService } from "../policy/EdgeOfCarePolicy.js"
import { RequestType, requestTypeLabel } from "../policy/RequestType.js"
import { CapacityLine, CapacityMonth, capacityLines, capacityMonths } from "./edgeOfCareCapacity.js"
import { dayOf, monthsOf, Period, within } from "./Period.js"
import type { ReportInputs } from "./ReportInputs.js"
import { Stats, statsOf } from "./stats.js"
import { isMade } from "./timeline.js"

/** KNO-3's edge-of-care services: edge-of-care resources and family support. */
export const edgeOfCareTypes: ReadonlyArray<RequestType> = ["edge_of_care_resource", "respite_or_family_support"]

/** Approvals that make a child looked after: accommodation, secure accommodation, an EPO plan, a placement bought in. */
const lookedAfterTypes: ReadonlyArray<RequestType> = ["s20_accommodation", "secure_accommodation", "epo_retrospective", "external_placement"]
const proceedingsTypes: ReadonlyArray<RequestType> = ["care_proceedings", "pre_proceedings"]

/** Records by each child they are about, in their order. */
const groupedByChild = <A>(records: ReadonlyArray<A>, childIdsOf: (record: A) => ReadonlyArray<string>): ReadonlyMap<string, ReadonlyArray<A>> => {
  const byChild = new Map<string, A[]>()
  for (const record of records) {
    for (const childId of new Set(childIdsOf(record))) {
      const ofChild = byChild.get(childId)
      if (ofChild === undefined) byChild.set(childId, [record])
      else ofChild.push(record)
    }
  }
  return byChild
}

const isEdgeOfCare = (types: ReadonlyArray<RequestType>) => types.some((type) => edgeOfCareTypes.includes(type))

const yearly = { one_off: 1, weekly: 52, monthly: 12, annual: 1 } as const
/**
 * Funding approved as a yearly rate, in pence: recurring sums for a full year (weekly x 52, monthly x 12), one-off
 * sums once. A rate, not a spend: the record does not say when support started or stopped.
 */
const annualised = (decision: Decision) => {
  const funding = decision.content.agreed.funding
  return funding === undefined ? 0 : funding.amountPence * yearly[funding.period]
}

export const ChildImpactRow = Schema.Struct({
  childId: Schema.String,
  decisionId: Schema.String,
  supportedOn: Schema.String,
  alreadyLookedAfter: Schema.Boolean,
  lookedAfterOn: Schema.UndefinedOr(Schema.String),
  lookedAfterBy: Schema.UndefinedOr(Schema.String),
  proceedingsOn: Schema.UndefinedOr(Schema.String),
  followUpDays: Schema.Int
})
export type ChildImpactRow = typeof ChildImpactRow.Type

export const EdgeOfCareMonth = Schema.Struct({
  month: Schema.String,
  requests: Schema.Int,
  children: Schema.Int,
  approved: Schema.Int,
  declined: Schema.Int,
  deferred: Schema.Int,
  annualisedFundingPence: Schema.Int
})
export type EdgeOfCareMonth = typeof EdgeOfCareMonth.Type

export const EdgeOfCareSummary = Schema.Struct({
  period: Period,
  demand: Schema.Struct({
    requests: Schema.Int,
    children: Schema.Int,
    byType: Schema.Array(Schema.Struct({ requestType: RequestType, label: Schema.String, requests: Schema.Int }))
  }),
  /** What was approved: resource allocation, not capacity. */
  allocation: Schema.Struct({
    approved: Schema.Int,
    declined: Schema.Int,
    deferred: Schema.Int,
    childrenSupported: Schema.Int,
    funding: Schema.Array(Schema.Struct({ period: Schema.String, decisions: Schema.Int, amountPence: Schema.Int })),
    annualisedFundingPence: Schema.Int
  }),
  impact: Schema.Struct({
    childrenSupported: Schema.Int,
    alreadyLookedAfter: Schema.Int,
    becameLookedAfter: Schema.Int,
    enteredProceedingsOnly: Schema.Int,
    notKnownToHaveBecomeLookedAfter: Schema.Int,
    followUpDays: Stats
  }),
  /** What the services declare they can take, from the authority's policy (`edgeOfCare.services`). */
  capacity: Schema.Array(CapacityLine),
  months: Schema.Array(EdgeOfCareMonth),
  /** Each line's demand, allocation, places and gap, month by month. */
  capacityByMonth: Schema.Array(CapacityMonth),
  children: Schema.Array(ChildImpactRow)
})
export type EdgeOfCareSummary = typeof EdgeOfCareSummary.Type

/**
 * KNO-3's monthly tracker: demand (edge-of-care and family support requests submitted), allocation (what was
 * approved: decisions, children, funding), capacity (the places a month the services declare in the policy, with the
 * gap between demand and places; "not declared" where they have not) and impact (whether supported children became
 * looked after within the period).
 *
 * What the impact figures can show: only what Carepanel records. A child counts as having become looked after when,
 * after the approval and by the end of the period, a panel (or an agreement outside it) approved accommodation,
 * secure accommodation, an EPO plan or an external placement for them, or a Regulation 24 placement was made.
 * What they cannot show: accommodation arranged without any panel or Regulation 24 record (police protection, a
 * court order made elsewhere, another authority), a child's legal status in the case system, a child who moved
 * away, or anything after the period ends. "Not known to have become looked after" is therefore an upper bound on
 * success, and a child approved late in the period has had little time to show an outcome (see `followUpDays`).
 * Children already looked after when referred (plan CLA on the form) are counted apart.
 */
export const edgeOfCareSummary = (period: Period, inputs: ReportInputs, services: ReadonlyArray<EdgeOfCareService> = []): EdgeOfCareSummary => {
  const requested = inputs.referrals.filter((referral) => isEdgeOfCare(referral.form.requestTypes) && within(period, referral.submittedAt))
  const decided = inputs.decisions.filter((decision) => isMade(decision) && isEdgeOfCare(decision.subject.requestTypes) && within(period, decision.heardAt))
  const approved = decided.filter((decision) => decision.content.outcome === "approve")
  const referralById = new Map(inputs.referrals.map((referral) => [referral.id as string, referral]))
  const end = period.to
  const lines = capacityLines(edgeOfCareTypes, services)

  const supported = new Map<string, Decision>()
  for (const decision of [...approved].sort((a, b) => DateTime.distance(b.heardAt, a.heardAt))) {
    for (const childId of decision.subject.childIds) if (!supported.has(childId)) supported.set(childId, decision)
  }
  // Each child's approvals and placements, gathered once: a child's later signals are then read from its own.
  const approvalsOf = groupedByChild(
    inputs.decisions.filter((decision) => isMade(decision) && decision.content.outcome === "approve"),
    (decision) => decision.subject.childIds
  )
  const placementsOf = groupedByChild(inputs.placements, (placement) => [placement.childId])
  const firstAfter = (childId: string, since: DateTime.Utc, types: ReadonlyArray<RequestType>, flag: "careProceedings" | "preProceedings" | undefined) =>
    (approvalsOf.get(childId) ?? [])
      .filter(
        (decision) =>
          DateTime.greaterThan(decision.heardAt, since) &&
          dayOf(decision.heardAt) <= end &&
          (decision.subject.requestTypes.some((type) => types.includes(type)) || (flag !== undefined && decision.content.agreed[flag] === true))
      )
      .map((decision) => ({ on: dayOf(decision.heardAt), by: `decision ${decision.id}` }))
  const regulation24After = (childId: string, since: DateTime.Utc) =>
    (placementsOf.get(childId) ?? []).flatMap((placement) => {
      const placedAt = placement.placement?.placedAt
      return placedAt !== undefined && DateTime.greaterThan(placedAt, since) && dayOf(placedAt) <= end
        ? [{ on: dayOf(placedAt), by: `placement ${placement.id}` }]
        : []
    })
  const earliest = (signals: ReadonlyArray<{ readonly on: string; readonly by: string }>) => [...signals].sort((a, b) => (a.on < b.on ? -1 : 1))[0]

  const children: ReadonlyArray<ChildImpactRow> = [...supported.entries()].map(([childId, decision]) => {
    const form = referralById.get(decision.subject.referralId)?.form
    const alreadyLookedAfter = form?.children.some((child) => child.childId === childId && child.plan === "CLA") === true
    const lookedAfter = earliest([
      ...firstAfter(childId, decision.heardAt, lookedAfterTypes, undefined),
      ...regulation24After(childId, decision.heardAt)
    ])
    const proceedings = earliest([
      ...firstAfter(childId, decision.heardAt, proceedingsTypes, "careProceedings"),
      ...firstAfter(childId, decision.heardAt, [], "preProceedings")
    ])
    return {
      childId,
      decisionId: decision.id,
      supportedOn: dayOf(decision.heardAt),
      alreadyLookedAfter,
      lookedAfterOn: lookedAfter?.on,
      lookedAfterBy: lookedAfter?.by,
      proceedingsOn: proceedings?.on,
      followUpDays: daysBetween(dayOf(decision.heardAt), end)
    }
  })
  const notYet = children.filter((child) => !child.alreadyLookedAfter)

  const fundingRows = (["one_off", "weekly", "monthly", "annual"] as const).map((kind) => {
    const funded = approved.filter((decision) => decision.content.agreed.funding?.period === kind)
    return { period: kind, decisions: funded.length, amountPence: funded.reduce((sum, decision) => sum + (decision.content.agreed.funding?.amountPence ?? 0), 0) }
  })
  const childrenOf = (referrals: typeof requested) => new Set(referrals.flatMap((referral) => referral.form.children.map((child) => child.childId))).size

  return {
    period,
    demand: {
      requests: requested.length,
      children: childrenOf(requested),
      byType: edgeOfCareTypes.map((requestType) => ({
        requestType,
        label: requestTypeLabel[requestType],
        requests: requested.filter((referral) => referral.form.requestTypes.includes(requestType)).length
      }))
    },
    allocation: {
      approved: approved.length,
      declined: decided.filter((decision) => decision.content.outcome === "decline").length,
      deferred: decided.filter((decision) => decision.content.outcome === "defer").length,
      childrenSupported: supported.size,
      funding: fundingRows,
      annualisedFundingPence: approved.reduce((sum, decision) => sum + annualised(decision), 0)
    },
    impact: {
      childrenSupported: supported.size,
      alreadyLookedAfter: children.length - notYet.length,
      becameLookedAfter: notYet.filter((child) => child.lookedAfterOn !== undefined).length,
      enteredProceedingsOnly: notYet.filter((child) => child.lookedAfterOn === undefined && child.proceedingsOn !== undefined).length,
      notKnownToHaveBecomeLookedAfter: notYet.filter((child) => child.lookedAfterOn === undefined).length,
      followUpDays: statsOf(notYet.map((child) => child.followUpDays))
    },
    capacity: lines,
    months: monthsOf(period).map(({ month, period: inMonth }) => {
      const monthRequests = requested.filter((referral) => within(inMonth, referral.submittedAt))
      const monthDecided = decided.filter((decision) => within(inMonth, decision.heardAt))
      const outcome = (wanted: string) => monthDecided.filter((decision) => decision.content.outcome === wanted)
      return {
        month,
        requests: monthRequests.length,
        children: childrenOf(monthRequests),
        approved: outcome("approve").length,
        declined: outcome("decline").length,
        deferred: outcome("defer").length,
        annualisedFundingPence: outcome("approve").reduce((sum, decision) => sum + annualised(decision), 0)
      }
    }),
    capacityByMonth: capacityMonths(period, lines, inputs.referrals, inputs.decisions.filter(isMade)),
    children
  }
}
