import { addDays, atLondon, Decision, decisionCollection, localDate, presetSlugs, ReadModels, timeOfDay } from "@carepanel/core"
import { inMemoryCore } from "@carepanel/core/testing"
import { DateTime, Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { englandPolicy } from "../../dev/england/englandPolicies.js"
import { playAuthority } from "../../dev/england/playAuthority.js"

/**
 * The England seed gives its authorities each preset in turn and each request a request type in turn. Six weeks at
 * 150 requests a year is 17 requests: every request type of every preset (at most 15) is drafted, submitted,
 * approved, heard and decided through the use cases, so a preset the seed cannot play fails here, not an hour into a
 * seed of all England (eng-004, the first care-planning authority, once stopped on CPR-5's exceptional accommodation).
 * Every action is done by its owner unless that falls after the history's end: after years, an authority's open
 * actions are those of its last weeks, as in a real one (not every action it was ever given).
 */
describe("the England seed plays every preset", () => {
  const firstDay = localDate("2027-01-04")
  const weeks = 6
  const end = atLondon(addDays(firstDay, 7 * weeks), timeOfDay("00:00"))

  it.each(presetSlugs.map((_, i) => i + 1))("authority %i: six weeks of requests of every type, each heard, the actions of all but the last three weeks done", async (n) => {
    const policy = englandPolicy(n)
    const { requests, decisions } = await Effect.runPromise(
      Effect.gen(function* () {
        const requests = yield* playAuthority(policy, { firstDay, weeks, requestsPerYear: 150 }, () => Effect.void)
        const rows = yield* (yield* ReadModels).query({ collection: decisionCollection, authorityId: policy.authority.id })
        return { requests, decisions: rows.map((row) => Schema.decodeUnknownSync(Decision)(row.doc)) }
      }).pipe(Effect.provide(inMemoryCore(policy)))
    )
    expect(requests).toBeGreaterThanOrEqual(policy.referral.inScope.requestTypes.length)
    expect(new Set(decisions.map((decision) => decision.subject.referralId)).size).toBe(requests)
    const actions = decisions.flatMap((decision) => decision.content.actions.map((action) => ({ heardAt: decision.heardAt, open: action.progress._tag === "Open" })))
    const threeWeeksBeforeEnd = DateTime.subtract(end, { days: 21 })
    expect(actions.filter((action) => !action.open).length).toBeGreaterThan(0)
    expect(actions.filter((action) => action.open && DateTime.lessThan(action.heardAt, threeWeeksBeforeEnd))).toEqual([])
    // Where the policy asks for them: every FGC referral received (LIN-9), the actions case note written (LIN-6).
    const settled = decisions.filter((decision) => DateTime.lessThan(decision.heardAt, threeWeeksBeforeEnd) && decision.content.actions.length > 0)
    const fgc = settled.flatMap((decision) =>
      decision.content.actions.filter((action) => action.fgcReferral).map((action) => decision.fgcReferralsReceived.some((received) => received.actionId === action.actionId))
    )
    if (policy.decision.fgcReferralEscalations.length > 0) {
      expect(fgc.length).toBeGreaterThan(0)
      expect(fgc.filter((received) => !received)).toEqual([])
    }
    if (policy.decision.actionsCaseNote !== undefined) {
      expect(settled.filter((decision) => decision.actionsCaseNoteAt === undefined).map((decision) => decision.id)).toEqual([])
      expect(settled.length).toBeGreaterThan(0)
    }
  }, 60_000)
})
