import { DateTime, Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import type { Span } from "./secureAccommodationBudget.js"

const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

/** STAT-S25: one period in secure accommodation; open while `endedAt` is absent. */
export const SecurePeriod = Schema.Struct({
  periodId: Schema.String,
  startedAt: Schema.DateTimeUtc,
  endedAt: Schema.optional(Schema.DateTimeUtc),
  ...recorded
})
export type SecurePeriod = typeof SecurePeriod.Type

/** STAT-S25: a child's periods in secure accommodation, the court's authorisations, the Secretary of State's approval. */
export const SecureAccommodation = Schema.Struct({
  periods: Schema.Array(SecurePeriod),
  /** s25 orders: time kept under one does not count towards the 72 hours. */
  courtAuthorities: Schema.Array(Schema.Struct({ from: Schema.DateTimeUtc, until: Schema.DateTimeUtc, ...recorded })),
  /** reg 4: for a child under 13, the Secretary of State's prior approval. */
  secretaryOfStateApproval: Schema.optional(Schema.Struct({ approvedAt: Schema.DateTimeUtc, ...recorded }))
})
export type SecureAccommodation = typeof SecureAccommodation.Type

export const noSecureAccommodation: SecureAccommodation = { periods: [], courtAuthorities: [] }

const spanOf = (from: DateTime.Utc, to: DateTime.Utc): Span => ({ from: DateTime.toEpochMillis(from), to: DateTime.toEpochMillis(to) })

export const courtSpans = (secure: SecureAccommodation): ReadonlyArray<Span> => secure.courtAuthorities.map((court) => spanOf(court.from, court.until))

/** The ended periods as spans (the open one, if any, is left out). */
export const closedSpans = (secure: SecureAccommodation): ReadonlyArray<Span> =>
  secure.periods.flatMap((period) => (period.endedAt === undefined ? [] : [spanOf(period.startedAt, period.endedAt)]))

export const openPeriod = (secure: SecureAccommodation): SecurePeriod | undefined => secure.periods.find((period) => period.endedAt === undefined)

export const toSpan = spanOf
