import { SqlClient } from "@effect/sql"
import { addDays, type AuthorityPolicy, londonDateOf, Referrals, Sittings, weekdayOf, weekdays } from "@carepanel/core"
import { exampleForm, inMemoryCore, staffOf } from "@carepanel/core/testing"
import { type DateTime, Effect, type Layer } from "effect"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { at } from "./playAuthority.js"
import { makeRecordingStore } from "./recordingStore.js"
import { writeAuthority } from "./writeAuthority.js"

/**
 * Plays `play` for the authority on an in-memory core and writes what it recorded as the seed writes an authority;
 * skipped when the authority is already in the store.
 */
const seedAuthorityOnce = <E>(policy: AuthorityPolicy, play: Effect.Effect<void, E, Layer.Layer.Success<ReturnType<typeof inMemoryCore>>>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    if ((yield* sql`SELECT 1 FROM events WHERE authority_id = ${policy.authority.id} LIMIT 1`).length > 0) return
    const { key } = yield* StoreIntegrity
    const store = makeRecordingStore()
    yield* play.pipe(Effect.provide(inMemoryCore(policy, store.layer)))
    yield* sql.withTransaction(writeAuthority(key, store.drain(), store.readModelRows()))
  })

/** The `i`th open request's child and form, to the authority's first panel. */
const openRequestForm = (policy: AuthorityPolicy, i: number) => {
  const requestTypes = policy.referral.inScope.requestTypes
  const child = { id: `${policy.authority.id}-open-${i}`, name: `Open Request Child ${i}` }
  return exampleForm(policy.panels[0].id, requestTypes[i % requestTypes.length]!, child)
}

/**
 * An authority with `count` requests still open (drafts its social workers have started), made through the core's
 * `createDraft` and written like the seed's authorities; skipped when the authority is already in the store.
 */
export const seedOpenRequests = (policy: AuthorityPolicy, count: number) =>
  seedAuthorityOnce(
    policy,
    Effect.gen(function* () {
      const referrals = yield* Referrals
      const { socialWorker } = staffOf(policy.authority.id)
      for (let i = 0; i < count; i++) yield* referrals.createDraft(socialWorker, openRequestForm(policy, i))
    })
  )

/**
 * An authority with `count` drafts aimed at its first panel's weekly sittings (from ten weeks before `now` to eight
 * after), so that their submission clocks run: one in `overdueEvery` started four weeks before `now` (its sitting's
 * deadline passed: overdue at `now`), the rest started at `now` (aiming at a sitting to come). Skipped when the
 * authority is already in the store.
 */
export const seedOpenRequestsOnClocks = (policy: AuthorityPolicy, count: number, now: DateTime.Utc, overdueEvery: number) =>
  seedAuthorityOnce(
    policy,
    Effect.gen(function* () {
      const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
      const staff = staffOf(policy.authority.id)
      const panel = policy.panels[0]
      const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0]!)
      const today = londonDateOf(now)
      const first = addDays(today, -70 + ((weekdays.indexOf(weekday) - weekdays.indexOf(weekdayOf(today)) + 7) % 7))
      for (let week = 0; week < 18; week++) yield* at(now, -24 * 7 * 12)(sittings.schedule(staff.administrator, panel.id, addDays(first, 7 * week)))
      for (let i = 0; i < count; i++) {
        const started = i % overdueEvery === 0 ? -24 * 28 : 0
        yield* at(now, started)(referrals.createDraft(staff.socialWorker, openRequestForm(policy, i)))
      }
    })
  )
