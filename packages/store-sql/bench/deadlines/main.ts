/**
 * `npm run -w @carepanel/store-sql bench:deadlines`: `Deadlines.forAuthority` on SQLite (issue 16 item 6's "deadlines
 * for one authority with 5,000 open requests under 100 ms") beside the same clocks worked out from the whole requests
 * (the path before the `referralClocks` read model), alternately in one run: the first (cold) call, then p50 / p99 of
 * warm calls, in wall time and in this process's CPU time (what the machine's load does not inflate), at the bench's
 * "now" (the Monday after the played history), for an authority played for BENCH_DEADLINES_WEEKS weeks (sittings,
 * decisions, records: 26) and `eng-998` with BENCH_DEADLINES_OPEN open requests (5,000 drafts aimed at its panel's
 * weekly sittings, whose submission clocks run, one in 10 overdue: the reminders bench's authority). It refuses an
 * `eng-998` without one running clock per open request (a store seeded otherwise). BENCH_DEADLINES_DIR keeps the
 * SQLite store between runs (seeded once); otherwise a temp dir, removed afterwards. BENCH_DEADLINES_ENGINE=pg: on
 * PostgreSQL instead (a new database on the DATABASE_URL server, or a throwaway cluster; dropped afterwards).
 */
import { type AuthorityId, Deadlines, openDeadlines } from "@carepanel/core"
import { deadlinesOverWholeReadModels, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { coreOn } from "../../dev/england/coreOn.js"
import { englandAuthorityId } from "../../dev/england/englandPolicies.js"
import { openRequestClocks } from "../../dev/england/openRequests.js"
import { at } from "../../dev/england/playAuthority.js"
import { openAuthority, openAuthorityBench } from "../openAuthorityBench.js"
import { printTable } from "../table.js"
import { summary, type Timed, timedOnce } from "../timedCalls.js"

const bench = await openAuthorityBench("BENCH_DEADLINES_DIR", 10)
const { open, runs, now } = bench

/** The two paths, call by call in turn, so that both see the same load. */
const timedDeadlines = (n: number) =>
  Effect.gen(function* () {
    const deadlines = yield* Deadlines
    const authorityId = englandAuthorityId(n) as AuthorityId
    const admin = staffOf(authorityId).administrator
    const paths = {
      "referralClocks (after)": at(now)(deadlines.forAuthority(admin)),
      "whole requests (before)": at(now)(Effect.map(deadlinesOverWholeReadModels(authorityId), openDeadlines))
    }
    const cold = { "referralClocks (after)": yield* timedOnce(paths["referralClocks (after)"]), "whole requests (before)": yield* timedOnce(paths["whole requests (before)"]) }
    const warm: Record<keyof typeof paths, Array<Timed>> = { "referralClocks (after)": [], "whole requests (before)": [] }
    for (let i = 0; i < runs; i++) {
      for (const [name, path] of Object.entries(paths) as Array<[keyof typeof paths, (typeof paths)[keyof typeof paths]]>) {
        // Only the times are kept: holding every call's 5,000 deadlines grew the heap by megabytes a call, and the
        // collector's work on it made the slowest calls (p99) the bench's own.
        const { wall, cpu } = yield* timedOnce(path)
        warm[name].push({ wall, cpu })
      }
    }
    return (Object.keys(paths) as Array<keyof typeof paths>).map((name) => ({ id: authorityId, path: name, clocks: cold[name].result, cold: cold[name].wall, ...summary(warm[name]) }))
  })

const ms = (n: number) => `${n.toFixed(1)} ms`
try {
  const rows = await Effect.runPromise(
    Effect.gen(function* () {
      yield* bench.seed
      const played = yield* timedDeadlines(1)
      const opened = yield* timedDeadlines(openAuthority)
      const remedy =
        bench.keptSqlite !== undefined
          ? `it was seeded otherwise (with another BENCH_DEADLINES_OPEN, or by another bench); clear BENCH_DEADLINES_DIR (${bench.keptSqlite}) to seed it again`
          : "the seed, just run, did not give each its clock (seedOpenRequestsOnClocks)"
      for (const row of opened) yield* openRequestClocks(row.id, open, row.clocks, remedy)
      return [...played, ...opened]
    }).pipe(Effect.provide(coreOn(bench.store, bench.policies)), Effect.scoped)
  )
  console.log(bench.heading())
  printTable(
    ["authority", "path", "open clocks", "first call", "p50 / p99 (warm)", "CPU p50 (warm)"],
    rows.map((row) => [row.id, row.path, String(row.clocks.length), ms(row.cold), `${ms(row.p50)} / ${ms(row.p99)}`, ms(row.cpu50)])
  )
} finally {
  await bench.close()
}
