import { addDays, atLondon, authorityContext, deadlinesOf, everyDeadlineInput, localDate, presetSlugs, timeOfDay } from "@carepanel/core"
import { inMemoryCore } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { describe, expect, it } from "vitest"
import { englandPolicy } from "../../dev/england/englandPolicies.js"
import { playAuthority } from "../../dev/england/playAuthority.js"

/** The clocks a later hearing of the same request meets: back to panel (LIN-7), s20 accommodation's end, NSO-9 reviews. */
const comesBack = (id: string) => id.endsWith(":return") || id.endsWith(":accommodation-review") || id.includes(":review:")

/**
 * A real authority brings s20 accommodation back to panel before the period agreed ends and reviews pre-proceedings at
 * 8 to 10 weeks (NSO-9); so does the seed. Half a year at 150 requests a year is long enough for the first
 * accommodation periods (6 weeks, then 12 where LIN-5 asks for a period again) and reviews (8 to 10 weeks, then
 * again) to fall due. Every clock of the authority at the end of the history, worked out by the core (`deadlinesOf`,
 * what `Deadlines.forAuthority` with `includeMet` shows), must show each of those that ended more than two weeks before
 * the end met in time by a later hearing at panel; and the chains end (a request comes back at most twice), as s20
 * accommodation and pre-proceedings do. The decisions come in the order the store reads them (`dec_317` before `dec_4`
 * before `dec_90`): a return is met by the earliest later hearing, whatever the order (the core once took the first read).
 */
describe("the England seed brings requests back to panel in time", () => {
  const firstDay = localDate("2027-01-04")
  const weeks = 26
  const end = atLondon(addDays(firstDay, 7 * weeks), timeOfDay("00:00"))

  it.each(presetSlugs.map((_, i) => i + 1))("authority %i: every return, accommodation period and review due before the last fortnight met in time", async (n) => {
    const policy = englandPolicy(n)
    const { requests, inputs, authority } = await Effect.runPromise(
      Effect.gen(function* () {
        const requests = yield* playAuthority(policy, { firstDay, weeks, requestsPerYear: 150 }, () => Effect.void)
        return { requests, inputs: yield* everyDeadlineInput(policy.authority.id), authority: yield* authorityContext(policy.authority.id) }
      }).pipe(Effect.provide(inMemoryCore(policy)))
    )
    // As many new requests as before: the come-backs take the room left on an agenda, not the new requests'.
    expect(requests).toBe(Math.round((weeks * 150) / 52))

    const decisions = inputs.decisions ?? []
    const clocks = deadlinesOf(inputs, authority, { now: end, dueSoonHours: 48 }).filter((deadline) => comesBack(deadline.id))
    const fortnightBeforeEnd = DateTime.subtract(end, { days: 14 })
    const missed = clocks
      .filter((clock) => DateTime.lessThan(clock.due, fortnightBeforeEnd) && (clock.metAt === undefined || clock.metLate === true))
      .map((clock) => `${clock.id} ${clock.state}: ${clock.explanation}`)
    expect(missed).toEqual([])

    const s20 = policy.referral.inScope.requestTypes.includes("s20_accommodation")
    const reviews = policy.decision.automaticReviews.length > 0
    const metInTime = (which: (id: string) => boolean) => clocks.filter((clock) => which(clock.id) && clock.metAt !== undefined && clock.metLate !== true).length
    expect(metInTime((id) => id.endsWith(":accommodation-review")) > 0).toBe(s20)
    expect(metInTime((id) => id.includes(":review:")) > 0).toBe(reviews)

    // Chains end: a request is decided (not deferred) at most three times, its first hearing and two come-backs.
    const decidedTimes = new Map<string, number>()
    for (const decision of decisions.filter((candidate) => candidate.content.outcome !== "defer")) {
      decidedTimes.set(decision.subject.referralId, (decidedTimes.get(decision.subject.referralId) ?? 0) + 1)
    }
    expect(Math.max(...decidedTimes.values())).toBeLessThanOrEqual(s20 || reviews ? 3 : 1)
  }, 60_000)
})
