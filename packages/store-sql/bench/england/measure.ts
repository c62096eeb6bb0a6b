import { PerformanceObserver } from "node:perf_hooks"
import { SqlClient } from "@effect/sql"
import { type AuthorityId, Deadlines, Referrals, referralCollection, sittingCollection, Sittings } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { percentile } from "../feedLag.js"
import { rebuildSpeedOf } from "../replaySpeed.js"

export interface Latency {
  readonly p50: number
  readonly p99: number
  /** The p99 of the calls that no garbage collection paused, and how many it paused. */
  readonly p99OutsideGc: number
  readonly pausedByGc: number
}

type Call = (i: number) => Effect.Effect<unknown, unknown>

/** One authority's reads as the API makes them, bound to its store. */
export interface AuthorityReads {
  readonly requests: number
  readonly agenda: Call | undefined
  readonly requestPage: Call
  readonly deadlines: Call
}

/**
 * The newest sitting's agenda, a request's page (its `distinct` newest requests in turn) and the deadlines of one
 * authority, over the store in context.
 */
export const readsOf = (authorityId: AuthorityId, distinct: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [sittings, referrals, deadlines] = yield* Effect.all([Sittings, Referrals, Deadlines])
    const admin = staffOf(authorityId).administrator
    const idsOf = (collection: string, limit: number) =>
      Effect.map(sql<{ id: string }>`SELECT id FROM read_models WHERE collection = ${collection} AND authority_id = ${authorityId} ORDER BY id DESC LIMIT ${limit}`, (rows) =>
        rows.map((row) => row.id)
      )
    const [sittingId] = yield* idsOf(sittingCollection, 1)
    const referralIds = yield* idsOf(referralCollection, distinct)
    const requests = (yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM read_models WHERE collection = ${referralCollection} AND authority_id = ${authorityId}`)[0]!.n
    return {
      requests: Number(requests),
      agenda: sittingId === undefined ? undefined : () => sittings.get(admin, sittingId as never),
      requestPage: (i) => referrals.get(admin, referralIds[i % referralIds.length] as never),
      deadlines: () => deadlines.forAuthority(admin)
    } satisfies AuthorityReads
  })

const warmUp = 20

interface Timing {
  readonly start: number
  readonly end: number
}

const gcPauses = () => {
  const pauses: Array<Timing> = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration })
  })
  observer.observe({ entryTypes: ["gc"] })
  return { pauses, stop: () => observer.disconnect() }
}

const latencyOf = (timings: ReadonlyArray<Timing>, pauses: ReadonlyArray<Timing>): Latency => {
  const paused = (call: Timing) => pauses.some((pause) => pause.start < call.end && pause.end > call.start)
  const sorted = (calls: ReadonlyArray<Timing>) => calls.map((call) => call.end - call.start).sort((a, b) => a - b)
  const outside = timings.filter((call) => !paused(call))
  const all = sorted(timings)
  return { p50: percentile(all, 50), p99: percentile(all, 99), p99OutsideGc: percentile(sorted(outside), 99), pausedByGc: timings.length - outside.length }
}

/**
 * p50 / p99 of `runs` calls of each, in turn call by call (the first to go reversed each time). Measured one after the
 * other, the later ones would be measured warmer (the JIT, the heap). A sub-millisecond read's p99 is decided by how
 * many of its calls a young-generation collection (0.5-1 ms here) happens to pause, about 1 in 100: so each side's p99
 * is also given over the calls no collection paused, which is what a database's size could move.
 */
export const timedInTurn = (runs: number, calls: ReadonlyArray<Call>) =>
  Effect.gen(function* () {
    const timings = calls.map((): Array<Timing> => [])
    for (const call of calls) for (let i = 0; i < warmUp; i++) yield* call(i)
    const sides = calls.map((_, side) => side)
    const reversed = [...sides].reverse()
    const gc = gcPauses()
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 === 0 ? sides : reversed) {
        const start = performance.now()
        yield* calls[side]!(i)
        timings[side]!.push({ start, end: performance.now() })
      }
    }
    // The observer is told of the last pauses on a later turn of the event loop.
    yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 20)))
    gc.stop()
    return timings.map((side) => latencyOf(side, gc.pauses))
  })

/** Rebuilding an authority's aggregates from its log: read, decode and fold every event (events/s). */
export const rebuildRate = (authorityId: AuthorityId) => Effect.map(rebuildSpeedOf(authorityId), (result) => result.perSecond)
