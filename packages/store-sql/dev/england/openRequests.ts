import { SqlClient } from "@effect/sql"
import { type AuthorityPolicy, Referrals } from "@carepanel/core"
import { exampleForm, inMemoryCore, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
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
