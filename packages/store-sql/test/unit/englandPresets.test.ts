import { decisionCollection, localDate, presetSlugs, ReadModels } from "@carepanel/core"
import { inMemoryCore } from "@carepanel/core/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { englandPolicy } from "../../dev/england/englandPolicies.js"
import { playAuthority } from "../../dev/england/playAuthority.js"

/**
 * The England seed gives its authorities each preset in turn and each request a request type in turn. Three weeks at
 * 300 requests a year is 17 requests: every request type of every preset (at most 15) is drafted, submitted,
 * approved, heard and decided through the use cases, so a preset the seed cannot play fails here, not an hour into a
 * seed of all England (eng-004, the first care-planning authority, once stopped on CPR-5's exceptional accommodation).
 */
describe("the England seed plays every preset", () => {
  it.each(presetSlugs.map((_, i) => i + 1))("authority %i: three weeks of requests of every type, each heard", async (n) => {
    const policy = englandPolicy(n)
    const { requests, decided } = await Effect.runPromise(
      Effect.gen(function* () {
        const requests = yield* playAuthority(policy, { firstDay: localDate("2027-01-04"), weeks: 3, requestsPerYear: 300 }, () => Effect.void)
        const decisions = yield* (yield* ReadModels).query({ collection: decisionCollection, authorityId: policy.authority.id })
        return { requests, decided: new Set(decisions.map((row) => (row.doc as { subject: { referralId: string } }).subject.referralId)).size }
      }).pipe(Effect.provide(inMemoryCore(policy)))
    )
    expect(requests).toBeGreaterThanOrEqual(policy.referral.inScope.requestTypes.length)
    expect(decided).toBe(requests)
  }, 60_000)
})
