import { DateTime } from "effect"
import fc from "fast-check"
import { addDays } from "../../src/calendar/LocalDate.js"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { clockChangeDays, instantArb } from "../calendar/arbitraries.js"

/**
 * Instants within two days either side of a clock change, or of 8, 16 or 24 weeks before one: so that a
 * placement, its 24 and 48 hours, its 16-week expiry or its extension falls across or on a change.
 */
export const aroundClockChanges: fc.Arbitrary<DateTime.Utc> = fc
  .tuple(fc.constantFrom(...clockChangeDays), fc.constantFrom(0, -56, -112, -168), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }))
  .map(([day, shiftDays, millis]) => DateTime.unsafeMake(atLondon(addDays(day, shiftDays), "00:00" as TimeOfDay).epochMillis + millis))

/** Any placement instant 2018-2030, half of them near a clock change. */
export const placementInstantArb: fc.Arbitrary<DateTime.Utc> = fc.oneof(instantArb, aroundClockChanges)

export const hour = 3_600_000
export const week = 7 * 24 * hour
export const elapsed = (from: DateTime.Utc, to: DateTime.Utc) => DateTime.toEpochMillis(to) - DateTime.toEpochMillis(from)
