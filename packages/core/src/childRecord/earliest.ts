import { DateTime } from "effect"

/** The earlier of two instants, either of which may not have happened yet: what meets a clock met by the first of two events. */
export const earliest = (a: DateTime.Utc | undefined, b: DateTime.Utc | undefined): DateTime.Utc | undefined =>
  a === undefined ? b : b === undefined ? a : DateTime.min(a, b)
