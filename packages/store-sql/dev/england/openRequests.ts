import { SqlClient } from "@effect/sql"
import { addDays, type AuthorityPolicy, londonDateOf, Referrals, Sittings, weekdayOf, weekdays } from "@carepanel/core"
import { exampleForm, inMemoryCore, staffOf } from "@carepanel/core/testing"
import { type DateTime, Effect } from "effect"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { at } from "./playAuthority.js"
import { makeRecordingStore } from "./recordingStore.js"
import { writeAuthority } from "./writeAuthority.js"

/**
 * An authority with `count` requests still open (drafts its social workers have started), made through the core's
 * `createDraft` and written like the seed's authorities; skipped when the authority is already in the store.
 */
export const seedOpenRequests = (policy: AuthorityPolicy, count: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    if ((yield* sql`SELECT 1 FROM events WHERE authority_id = ${policy.authority.id} LIMIT 1`).length > 0) return
    const { key } = yield* StoreIntegrity
    const store = makeRecordingStore()
    const staff = staffOf(policy.authority.id)
    const requestTypes = policy.referral.inScope.requestTypes
    yield* Effect.gen(function* () {
      const referrals = yield* Referrals
      for (let i = 0; i < count; i++) {
        const child = { id: `${policy.authority.id}-open-${i}`, name: `Open Request Child ${i}` }
        yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0].id, requestTypes[i % requestTypes.length]!, child))
      }
    }).pipe(Effect.provide(inMemoryCore(policy, store.layer)))
    yield* sql.withTransaction(writeAuthority(key, store.drain(), store.readModelRows()))
  })

/**
 * An authority with `count` drafts aimed at its first panel's weekly sittings (from ten weeks before `now` to eight
 * after), so that their submission clocks run: one in `overdueEvery` started four weeks before `now` (its sitting's
 * deadline passed: overdue at `now`), the rest started at `now` (aiming at a sitting to come). Skipped when the
 * authority is already in the store.
 */
export const seedOpenRequestsOnClocks = (policy: AuthorityPolicy, count: number, now: DateTime.Utc, overdueEvery: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    if ((yield* sql`SELECT 1 FROM events WHERE authority_id = ${policy.authority.id} LIMIT 1`).length > 0) return
    const { key } = yield* StoreIntegrity
    const store = makeRecordingStore()
    const staff = staffOf(policy.authority.id)
    const panel = policy.panels[0]
    const requestTypes = policy.referral.inScope.requestTypes
    const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0]!)
    const today = londonDateOf(now)
    const first = addDays(today, -70 + ((weekdays.indexOf(weekday) - weekdays.indexOf(weekdayOf(today)) + 7) % 7))
    yield* Effect.gen(function* () {
      const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
      for (let week = 0; week < 18; week++) yield* at(now, -24 * 7 * 12)(sittings.schedule(staff.administrator, panel.id, addDays(first, 7 * week)))
      for (let i = 0; i < count; i++) {
        const child = { id: `${policy.authority.id}-open-${i}`, name: `Open Request Child ${i}` }
        const started = i % overdueEvery === 0 ? -24 * 28 : 0
        yield* at(now, started)(referrals.createDraft(staff.socialWorker, exampleForm(panel.id, requestTypes[i % requestTypes.length]!, child)))
      }
    }).pipe(Effect.provide(inMemoryCore(policy, store.layer)))
    yield* sql.withTransaction(writeAuthority(key, store.drain(), store.readModelRows()))
  })
