import { londonDateOf, londonTimeOf } from "@carepanel/core"
import { DateTime } from "effect"

/**
 * A sitting's hours lie within one London day, so from 23:59 none can be under way, and the tests that act on the
 * seeded sitting under way need one: in the last two minutes of a London day, they start once the next has begun.
 */
export const afterLateEvening = async () => {
  const day = londonDateOf(DateTime.unsafeNow())
  if (londonTimeOf(DateTime.unsafeNow()) < "23:58") return
  while (londonDateOf(DateTime.unsafeNow()) === day) await new Promise((resolve) => setTimeout(resolve, 1_000))
}
