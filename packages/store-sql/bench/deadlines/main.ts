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
import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { type AuthorityId, Deadlines, localDate, openDeadlines } from "@carepanel/core"
import { deadlinesOverWholeReadModels, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { coreOn } from "../../dev/england/coreOn.js"
import { englandAuthorityId, englandPolicy } from "../../dev/england/englandPolicies.js"
import { mondayAfter, openRequestClocks, seedOpenRequestsOnClocks } from "../../dev/england/openRequests.js"
import { at } from "../../dev/england/playAuthority.js"
import { seedEngland } from "../../dev/england/seedEngland.js"
import { wholeNumberSetting } from "../../dev/wholeNumberSetting.js"
import { SqliteStoreLayer, type StoreLayer } from "../../src/index.js"
import { postgresTarget } from "../benchTargets.js"
import { printTable } from "../table.js"
import { summary, type Timed, timedOnce } from "../timedCalls.js"

const env = process.env
const open = wholeNumberSetting("BENCH_DEADLINES_OPEN", 5000)
const weeks = wholeNumberSetting("BENCH_DEADLINES_WEEKS", 26)
const runs = wholeNumberSetting("BENCH_DEADLINES_RUNS", 30)
const openAuthority = 998
const overdueEvery = 10
const firstDay = localDate("2027-01-04")
const now = mondayAfter(firstDay, weeks)
const dataDir = env.BENCH_DEADLINES_DIR ?? mkdtempSync(join(tmpdir(), "carepanel-deadlines-"))
const pg = env.BENCH_DEADLINES_ENGINE === "pg" ? await postgresTarget() : undefined
if (typeof pg === "string") throw new Error(`no PostgreSQL for the bench: ${pg}`)
const store: StoreLayer = pg?.layer ?? SqliteStoreLayer({ dataDir })

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
      for (const [name, path] of Object.entries(paths) as Array<[keyof typeof paths, (typeof paths)[keyof typeof paths]]>) warm[name].push(yield* timedOnce(path))
    }
    return (Object.keys(paths) as Array<keyof typeof paths>).map((name) => ({ id: authorityId, path: name, clocks: cold[name].result, cold: cold[name].wall, ...summary(warm[name]) }))
  })

const ms = (n: number) => `${n.toFixed(1)} ms`
try {
  const rows = await Effect.runPromise(
    Effect.gen(function* () {
      yield* seedEngland({ authorities: 1, weeks, requestsPerYear: 1000, firstDay, log: (line) => console.log(`  ${line}`) })
      yield* seedOpenRequestsOnClocks(englandPolicy(openAuthority), open, now, overdueEvery)
      const played = yield* timedDeadlines(1)
      const opened = yield* timedDeadlines(openAuthority)
      const remedy =
        pg === undefined && env.BENCH_DEADLINES_DIR !== undefined
          ? `it was seeded otherwise (with another BENCH_DEADLINES_OPEN, or by another bench); clear BENCH_DEADLINES_DIR (${dataDir}) to seed it again`
          : "the seed, just run, did not give each its clock (seedOpenRequestsOnClocks)"
      for (const row of opened) yield* openRequestClocks(row.id, open, row.clocks, remedy)
      return [...played, ...opened]
    }).pipe(Effect.provide(coreOn(store, [englandPolicy(1), englandPolicy(openAuthority)])), Effect.scoped)
  )
  console.log(`${pg === undefined ? "SQLite" : `PostgreSQL (${pg.note})`}, now ${DateTime.formatIso(now)}, load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}`)
  printTable(
    ["authority", "path", "open clocks", "first call", "p50 / p99 (warm)", "CPU p50 (warm)"],
    rows.map((row) => [row.id, row.path, String(row.clocks.length), ms(row.cold), `${ms(row.p50)} / ${ms(row.p99)}`, ms(row.cpu50)])
  )
} finally {
  await pg?.close()
  if (env.BENCH_DEADLINES_DIR === undefined) rmSync(dataDir, { recursive: true, force: true })
}
