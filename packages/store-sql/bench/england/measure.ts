import { SqlClient } from "@effect/sql"
import { type AuthorityId, Deadlines, Referrals, referralCollection, sittingCollection, Sittings } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { percentile } from "../feedLag.js"
import { rebuildSpeedOf } from "../replaySpeed.js"

export interface Latency {
  readonly p50: number
  readonly p99: number
}

const warmUp = 20

const timed = <A, E, R>(runs: number, effect: (i: number) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const times: Array<number> = []
    // Warm-up, not timed: the first reads of a connection and of the code (the first authority measured would
    // otherwise pay for the JIT compiling it, and sub-millisecond medians show it).
    for (let i = 0; i < warmUp; i++) yield* effect(i)
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      yield* effect(i)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return { p50: percentile(times, 50), p99: percentile(times, 99) } satisfies Latency
  })

/** The newest sitting's agenda, a request's page (a different request each time) and the deadlines, for one authority. */
export const measureAuthority = (authorityId: AuthorityId, runs: { readonly reads: number; readonly deadlines: number }) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [sittings, referrals, deadlines] = yield* Effect.all([Sittings, Referrals, Deadlines])
    const admin = staffOf(authorityId).administrator
    const idsOf = (collection: string, limit: number) =>
      Effect.map(sql<{ id: string }>`SELECT id FROM read_models WHERE collection = ${collection} AND authority_id = ${authorityId} ORDER BY id DESC LIMIT ${limit}`, (rows) =>
        rows.map((row) => row.id)
      )
    const [sittingId] = yield* idsOf(sittingCollection, 1)
    const referralIds = yield* idsOf(referralCollection, runs.reads + 1)
    return {
      requests: (yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM read_models WHERE collection = ${referralCollection} AND authority_id = ${authorityId}`)[0]!.n,
      agenda: sittingId === undefined ? undefined : yield* timed(runs.reads, () => sittings.get(admin, sittingId as never)),
      requestPage: yield* timed(runs.reads, (i) => referrals.get(admin, referralIds[i % referralIds.length] as never)),
      deadlines: yield* timed(runs.deadlines, () => deadlines.forAuthority(admin))
    }
  })

/** Rebuilding an authority's aggregates from its log: read, decode and fold every event (events/s). */
export const rebuildRate = (authorityId: AuthorityId) => Effect.map(rebuildSpeedOf(authorityId), (result) => result.perSecond)
