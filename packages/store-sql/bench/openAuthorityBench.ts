import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { localDate } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { englandPolicy } from "../dev/england/englandPolicies.js"
import { mondayAfter, seedOpenRequestsOnClocks } from "../dev/england/openRequests.js"
import { seedEngland } from "../dev/england/seedEngland.js"
import { wholeNumberSetting } from "../dev/wholeNumberSetting.js"
import { SqliteStoreLayer, type StoreLayer } from "../src/index.js"
import { postgresTarget } from "./benchTargets.js"

/** The authority with the open requests, in both benches (and bench:england). */
export const openAuthority = 998

/**
 * What the deadlines and reminders benches share: their settings (BENCH_DEADLINES_OPEN, _WEEKS, _RUNS, _ENGINE), their
 * "now" (the Monday after the played history), their store (SQLite in `dirSetting`'s directory, kept, or a temp one
 * removed by `close`; or PostgreSQL), and their seed: `eng-001` played for the weeks, and `eng-998`'s open requests on
 * clocks, one in `overdueEvery` overdue.
 */
export const openAuthorityBench = async (dirSetting: string, overdueEvery: number) => {
  const open = wholeNumberSetting("BENCH_DEADLINES_OPEN", 5000)
  const weeks = wholeNumberSetting("BENCH_DEADLINES_WEEKS", 26)
  const runs = wholeNumberSetting("BENCH_DEADLINES_RUNS", 30)
  const firstDay = localDate("2027-01-04")
  const now = mondayAfter(firstDay, weeks)
  const keptDir = process.env[dirSetting]
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), "carepanel-bench-"))
  const pg = process.env.BENCH_DEADLINES_ENGINE === "pg" ? await postgresTarget() : undefined
  if (typeof pg === "string") throw new Error(`no PostgreSQL for the bench: ${pg}`)
  const store: StoreLayer = pg?.layer ?? SqliteStoreLayer({ dataDir })
  return {
    open,
    runs,
    now,
    store,
    policies: [englandPolicy(1), englandPolicy(openAuthority)],
    /** A SQLite store kept between runs, which an earlier run may have seeded otherwise. */
    keptSqlite: pg === undefined && keptDir !== undefined ? dataDir : undefined,
    seed: Effect.gen(function* () {
      yield* seedEngland({ authorities: 1, weeks, requestsPerYear: 1000, firstDay, log: (line) => console.log(`  ${line}`) })
      yield* seedOpenRequestsOnClocks(englandPolicy(openAuthority), open, now, overdueEvery)
    }),
    heading: () => `${pg === undefined ? "SQLite" : `PostgreSQL (${pg.note})`}, now ${DateTime.formatIso(now)}, load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}`,
    close: async () => {
      await pg?.close()
      if (keptDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
