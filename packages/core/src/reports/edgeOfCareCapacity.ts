import { Schema } from "effect"
import type { Decision } from "../decision/Decision.js"
import type { EdgeOfCareService } from "../policy/EdgeOfCarePolicy.js"
import { RequestType, requestTypeLabel } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import { monthsOf, type Period, within } from "./Period.js"

/** Shown instead of a number the services have not given: the tracker never invents one. */
export const notDeclared = "not declared" as const
const Places = Schema.Union(Schema.Int, Schema.Literal(notDeclared))

/** One service line: a request type and the services behind it, each with the places it declares a month. */
export const CapacityLine = Schema.Struct({
  requestType: RequestType,
  label: Schema.String,
  /** "MST-CAN: 6 a month; Family Group Conferencing: not declared" */
  services: Schema.String,
  placesPerMonth: Places
})
export type CapacityLine = typeof CapacityLine.Type

/**
 * A month of one line: demand (requests submitted), allocation (requests approved), the places declared, and the
 * gap, requests beyond the places (negative: places to spare). Places are a calendar month's, also for a month the
 * period cuts short.
 */
export const CapacityMonth = Schema.Struct({
  month: Schema.String,
  requestType: RequestType,
  label: Schema.String,
  requests: Schema.Int,
  approved: Schema.Int,
  placesPerMonth: Places,
  gap: Places
})
export type CapacityMonth = typeof CapacityMonth.Type

/**
 * KNO-3's capacity, from the policy: a line for each edge-of-care type and each type a service declares. A line's
 * places are its services' sum when every one of them declares; otherwise "not declared", since a partial sum would
 * understate capacity and overstate the gap.
 */
export const capacityLines = (types: ReadonlyArray<RequestType>, services: ReadonlyArray<EdgeOfCareService>): ReadonlyArray<CapacityLine> =>
  [...new Set([...types, ...services.map((service) => service.requestType)])].map((requestType) => {
    const serving = services.filter((service) => service.requestType === requestType)
    const declared = serving.length > 0 && serving.every((service) => service.placesPerMonth !== undefined)
    return {
      requestType,
      label: requestTypeLabel[requestType],
      services: serving.map((service) => `${service.service}: ${service.placesPerMonth === undefined ? notDeclared : `${service.placesPerMonth} a month`}`).join("; "),
      placesPerMonth: declared ? serving.reduce((sum, service) => sum + (service.placesPerMonth ?? 0), 0) : notDeclared
    }
  })

/** Demand, allocation, places and gap for each line and month of the period. */
export const capacityMonths = (
  period: Period,
  lines: ReadonlyArray<CapacityLine>,
  referrals: ReadonlyArray<Referral>,
  decided: ReadonlyArray<Decision>
): ReadonlyArray<CapacityMonth> =>
  monthsOf(period).flatMap(({ month, period: inMonth }) =>
    lines.map((line) => {
      const requests = referrals.filter((referral) => referral.form.requestTypes.includes(line.requestType) && within(inMonth, referral.submittedAt)).length
      const approved = decided.filter(
        (decision) => decision.content.outcome === "approve" && decision.subject.requestTypes.includes(line.requestType) && within(inMonth, decision.heardAt)
      ).length
      const places = line.placesPerMonth
      return { month, requestType: line.requestType, label: line.label, requests, approved, placesPerMonth: places, gap: places === notDeclared ? notDeclared : requests - places }
    })
  )
