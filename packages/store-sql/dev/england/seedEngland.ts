import { SqlClient } from "@effect/sql"
import type { LocalDate } from "@carepanel/core"
import { inMemoryCore } from "@carepanel/core/testing"
import { Effect } from "effect"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { englandAuthorityId, englandPolicy } from "./englandPolicies.js"
import { playAuthority } from "./playAuthority.js"
import { type RecordedCommit, makeRecordingStore } from "./recordingStore.js"
import { writeAuthority } from "./writeAuthority.js"

export interface SeedOptions {
  /** Authorities `first`..`authorities` (`eng-001`...): several processes can seed disjoint ranges at once. */
  readonly authorities: number
  readonly first?: number
  readonly weeks: number
  readonly requestsPerYear: number
  /** The Monday the history starts (the presets' panels sit from January 2027). */
  readonly firstDay: LocalDate
  readonly log: (line: string) => void
}

const perSecond = (count: number, ms: number) => Math.round((count * 1000) / Math.max(ms, 1)).toLocaleString("en-GB")

/**
 * Fills the store with fictional authorities, one after another: each is played through the core's use cases in
 * memory, then written in one transaction, so an authority is in the store whole or not at all. One already there is
 * skipped: a seed stopped half-way is resumed by running it again with the same options. Playing is the slow part and
 * holds no lock; the write holds `event_head` only for its own transaction, so processes seeding disjoint ranges
 * (`first`) share the machine's cores.
 */
export const seedEngland = (options: SeedOptions) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const { key } = yield* StoreIntegrity
    const started = Date.now()
    let written = 0
    for (let n = options.first ?? 1; n <= options.authorities; n++) {
      const authorityId = englandAuthorityId(n)
      const present = yield* sql`SELECT 1 FROM events WHERE authority_id = ${authorityId} LIMIT 1`
      if (present.length > 0) {
        options.log(`${authorityId}: already in the store, skipped`)
        continue
      }
      const policy = englandPolicy(n)
      const store = makeRecordingStore()
      const commits: Array<RecordedCommit> = []
      const playStart = Date.now()
      const requests = yield* playAuthority(policy, options, () => Effect.sync(() => commits.push(...store.drain()))).pipe(Effect.provide(inMemoryCore(policy, store.layer)))
      const played = Date.now() - playStart
      const writeStart = Date.now()
      const result = yield* sql.withTransaction(writeAuthority(key, commits, store.readModelRows()))
      const wrote = Date.now() - writeStart
      written += result.events
      const elapsed = Date.now() - started
      options.log(
        `${authorityId} (${policy.panels[0].id}): ${requests} requests, ${result.events} events in ${result.commits} commits; ` +
          `played ${perSecond(result.events, played)} events/s, written ${perSecond(result.events, wrote)} events/s; ` +
          `all so far ${perSecond(written, elapsed)} events/s`
      )
    }
    return { events: written, seconds: (Date.now() - started) / 1000 }
  })
