import { DateTime } from "effect"

/** The earliest of some instants, leaving out the absent ones; none of none. */
export const earliestOf = (instants: ReadonlyArray<DateTime.Utc | undefined>): DateTime.Utc | undefined =>
  instants.reduce<DateTime.Utc | undefined>(
    (first, instant) => (instant === undefined || (first !== undefined && !DateTime.lessThan(instant, first)) ? first : instant),
    undefined
  )
