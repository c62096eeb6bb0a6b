import { DateTime, Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { LegalStatusCode, legalStatusLabel } from "./LegalStatus.js"

const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

/**
 * How the child came to be looked after (STAT-R33 counts from then):
 * legal_status: an order or other SSDA903 legal status recorded on the child's record (an EPO with removal as L2,
 * an interim care order C1, a care order C2, ...); s20_accommodation: accommodated under s20 with recorded consent
 * (STAT-S20-CONSENT); police_protection_accommodation: placed in the authority's accommodation while under police
 * protection (STAT-S46, SSDA903 L1); regulation24_placement: placed with connected persons under regulation 24
 * (STAT-R24): a looked-after child's placement.
 */
export const LookedAfterRoute = Schema.Literal("legal_status", "s20_accommodation", "police_protection_accommodation", "regulation24_placement")
export type LookedAfterRoute = typeof LookedAfterRoute.Type

/**
 * An accommodation a placement's record can end with the child at home, and the SSDA903 legal statuses it gives:
 * police protection with the child in the authority's accommodation (L1, STAT-S46); s20 accommodation (V2, or the short
 * breaks V3 and V4, STAT-S20-CONSENT; also sent for a Regulation 24 placement ended with the child home, which ends a
 * period it began with no status recorded). A child whose status is another (an order) stays looked after when it ends.
 */
export type AccommodationBasis = "police_protection" | "s20_accommodation"
export const accommodationStatuses: Record<AccommodationBasis, ReadonlyArray<LegalStatusCode>> = {
  police_protection: ["L1"],
  s20_accommodation: ["V2", "V3", "V4"]
}

/** A looked-after review (STAT-R33), held at `heldAt` and chaired by the child's Independent Reviewing Officer. */
export const LookedAfterReview = Schema.Struct({ heldAt: Schema.DateTimeUtc, iroName: Schema.NonEmptyTrimmedString, ...recorded })
export type LookedAfterReview = typeof LookedAfterReview.Type

/** One period of being looked after, from the instant the child became looked after until it ended. */
export const LookedAfterPeriod = Schema.Struct({
  /** "la-1", "la-2": the child's periods in the order they began. */
  periodId: Schema.String,
  from: Schema.DateTimeUtc,
  route: LookedAfterRoute,
  /** The legal status it began with, where the route has one (a Regulation 24 placement rests on another basis). */
  code: Schema.optional(LegalStatusCode),
  /** The placement (regulation 24, s20, police protection) whose record began it. */
  placementId: Schema.optional(Schema.String),
  reviews: Schema.Array(LookedAfterReview),
  ended: Schema.optional(Schema.Struct({ endedAt: Schema.DateTimeUtc, reason: Schema.NonEmptyTrimmedString, ...recorded })),
  ...recorded
})
export type LookedAfterPeriod = typeof LookedAfterPeriod.Type

/** The period the child is in now (the latest, unless it has ended). */
export const currentLookedAfter = (periods: ReadonlyArray<LookedAfterPeriod>): LookedAfterPeriod | undefined => {
  const latest = periods.at(-1)
  return latest?.ended === undefined ? latest : undefined
}

/** Whether the child is looked after at `at` by the recorded periods. */
export const lookedAfterAt = (periods: ReadonlyArray<LookedAfterPeriod>, at: DateTime.Utc): boolean =>
  periods.some((period) => !DateTime.lessThan(at, period.from) && (period.ended === undefined || DateTime.lessThan(at, period.ended.endedAt)))

const routeText: Record<Exclude<LookedAfterRoute, "legal_status">, string> = {
  s20_accommodation: "accommodated under s20 with recorded consent",
  police_protection_accommodation: "placed in the authority's accommodation under police protection",
  regulation24_placement: "placed with connected persons under regulation 24"
}

/** "accommodated under s20 with recorded consent", "legal status C1 (interim care order)": how the period began, in words. */
export const describeRoute = (period: Pick<LookedAfterPeriod, "route" | "code">): string =>
  period.route === "legal_status" ? describeCode(period.code) : routeText[period.route]

const describeCode = (code: LegalStatusCode | undefined) => (code === undefined ? "a legal status" : `legal status ${code}: ${legalStatusLabel[code]}`)
