import { SqlClient } from "@effect/sql"
import {
  addDays,
  atLondon,
  type AuthorityPolicy,
  type Deadline,
  Deadlines,
  type LocalDate,
  londonDateOf,
  Referrals,
  Sittings,
  timeOfDay,
  weekdayOf,
  weekdays
} from "@carepanel/core"
import { exampleForm, inMemoryCore, staffOf } from "@carepanel/core/testing"
import { type DateTime, Effect } from "effect"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { at } from "./playAuthority.js"
import { makeRecordingStore } from "./recordingStore.js"
import { writeAuthority } from "./writeAuthority.js"

/** The benches' "now": the Monday `weeks` weeks after `firstDay` (the day after a history played that long), 09:00 London. */
export const mondayAfter = (firstDay: LocalDate, weeks: number) => atLondon(addDays(firstDay, 7 * weeks), timeOfDay("09:00"))

/** The `i`th open request's child and form, to the authority's first panel. */
const openRequestForm = (policy: AuthorityPolicy, i: number) => {
  const requestTypes = policy.referral.inScope.requestTypes
  const child = { id: `${policy.authority.id}-open-${i}`, name: `Open Request Child ${i}` }
  return exampleForm(policy.panels[0].id, requestTypes[i % requestTypes.length]!, child)
}

/**
 * An authority with `count` drafts aimed at its first panel's weekly sittings (from ten weeks before `now` to eight
 * after), so that their submission clocks run: one in `overdueEvery` started four weeks before `now` (its sitting's
 * deadline passed: overdue at `now`), the rest started at `now` (aiming at a sitting to come). Made through the core's
 * use cases on an in-memory core and written as the seed writes an authority; skipped when the authority is already
 * in the store (`openRequestClocks` tells whether it holds these clocks).
 */
export const seedOpenRequestsOnClocks = (policy: AuthorityPolicy, count: number, now: DateTime.Utc, overdueEvery: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    if ((yield* sql`SELECT 1 FROM events WHERE authority_id = ${policy.authority.id} LIMIT 1`).length > 0) return
    const { key } = yield* StoreIntegrity
    const store = makeRecordingStore()
    yield* Effect.gen(function* () {
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
    }).pipe(Effect.provide(inMemoryCore(policy, store.layer)))
    yield* sql.withTransaction(writeAuthority(key, store.drain(), store.readModelRows()))
  })

/**
 * How many clocks run in an authority seeded by `seedOpenRequestsOnClocks` with `count` drafts, from `clocks` (its
 * running deadlines at the seed's "now"): refused unless exactly `count` of them are requests' clocks, so that a store
 * seeded otherwise (drafts aimed at no sitting, as the deadlines benches once seeded them: no clock at all; or another
 * number of drafts) is never measured as if it held them. `remedy` says why that may be and what to do.
 */
export const openRequestClocks = (authorityId: string, count: number, clocks: ReadonlyArray<Deadline>, remedy: string) => {
  const ofRequests = clocks.filter((clock) => clock.about.kind === "referral").length
  return ofRequests === count
    ? Effect.succeed(clocks.length)
    : Effect.fail(
        new Error(
          `${authorityId} has ${ofRequests.toLocaleString("en-GB")} running request clocks, not one for each of its ${count.toLocaleString("en-GB")} open requests: ${remedy}`
        )
      )
}

/** The authority's running deadlines at `now`, as its administrator sees them. */
export const deadlinesAt = (policy: AuthorityPolicy, now: DateTime.Utc) =>
  Effect.flatMap(Deadlines, (deadlines) => at(now)(deadlines.forAuthority(staffOf(policy.authority.id).administrator)))
