/**
 * `npm run bench`: append throughput against bare INSERTs, commits per second of one and of two records per commit,
 * the change-feed lag between two processes (p50, p99), read-model query latency at 1k/10k/100k rows,
 * and replay speed (the read alone, and a rebuild that decodes and folds every event), on SQLite and (when it can
 * be had) PostgreSQL; with BENCH_ENGLAND=1, then `bench/england/main.ts` (exit 1 on a target missed by > 20%).
 * A plain Node script; prints tables.
 */
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { loadavg } from "node:os"
import { bareInserts, concurrentAppends, recordCommits, storeAppends } from "./appendThroughput.js"
import { feedLag, percentile } from "./feedLag.js"
import { type BenchTarget, postgresTarget, sqliteTarget } from "./benchTargets.js"
import { measureQueries, seedReferrals } from "./queryLatency.js"
import { seedReplayEvents } from "./replayEvents.js"
import { readSpeed, rebuildSpeed } from "./replaySpeed.js"
import { printTable } from "./table.js"

const appendEvents = 2000
const commitCount = 2000
const groupCommits = 1000
const writerCounts = [1, 10, 50]
const groupRounds = 3
const querySamples = 200
const sizes = [1_000, 10_000, 100_000]
const replayEvents = 20_000
const lagEvents = 300
const lagPauseMs = 20

/** `npm run bench -- --commits-only`: only the group-commit table, on both engines. */
const commitsOnly = process.argv.includes("--commits-only")

const benchOne = (target: BenchTarget) =>
  Effect.gen(function* () {
    console.log(`\n${target.engine} (${target.note})`)
    if (commitsOnly) return yield* groupCommitTable(target)
    const appendRows: Array<Array<string>> = []
    for (const batch of [1, 10]) {
      const events = appendEvents * batch
      const store = yield* storeAppends(events, batch, `b${batch}`)
      const bare = yield* bareInserts(events, batch, `b${batch}`)
      appendRows.push([`${batch} per commit`, String(events), rate(store), rate(bare), `${((store / bare) * 100).toFixed(0)}%`])
    }
    printTable(["append", "events", "store ev/s", "bare INSERT ev/s", "store/bare"], appendRows)
    const commitRows: Array<Array<string>> = []
    for (const records of [1, 2]) {
      commitRows.push([`${records} record${records === 1 ? "" : "s"} per commit`, String(commitCount), rate(yield* recordCommits(commitCount, records, `r${records}`))])
    }
    printTable(["appendAll (1 event + 1 row per record)", "commits", "commits/s"], commitRows)
    yield* groupCommitTable(target)
    const lags = yield* feedLag(target.env, lagEvents, lagPauseMs)
    printTable(
      ["change feed, another process appending", "events", "lag p50", "lag p99", "max"],
      [[`one commit every ${lagPauseMs} ms`, String(lags.length), ms(percentile(lags, 50)), ms(percentile(lags, 99)), ms(lags.at(-1)!)]]
    )

    const queryRows: Array<Array<string>> = []
    let seeded = 0
    for (const size of sizes) {
      yield* seedReferrals(seeded, size)
      yield* analyze
      seeded = size
      for (const r of yield* measureQueries(size, querySamples)) {
        queryRows.push([size.toLocaleString("en-GB"), r.name, ms(r.p50), ms(r.p99), r.found.toFixed(1)])
      }
    }
    printTable(["rows", "query", "p50", "p99", "rows returned"], queryRows)
    if (target.engine === "PostgreSQL") console.log("(ANALYZE after each bulk load, as autovacuum soon would)")

    yield* seedReplayEvents(replayEvents)
    const read = yield* readSpeed
    const rebuild = yield* rebuildSpeed
    printTable(
      ["replay of panel weeks, pages of 1000", "events", "streams", "events/s"],
      [
        ["read only (readAll + JSON)", String(read.events), "", rate(read.perSecond)],
        ["rebuild (read + decode + evolve)", String(rebuild.events), String(rebuild.streams), rate(rebuild.perSecond)]
      ]
    )
  }).pipe(Effect.provide(target.layer), Effect.scoped)

/**
 * Single-event commits per second from 1, 10 and 50 concurrent writers, with group commit (the store as shipped)
 * and without (every commit its own transaction, as before), beside bare autocommitted single-row INSERTs from as
 * many writers: all on the same store, in interleaved rounds whose order alternates (the machine's other work and
 * the store's growth fall on both sides alike); each cell is the median of its rounds, and group/before is the
 * median of each round's own ratio.
 */
const groupCommitTable = (target: BenchTarget) =>
  Effect.gen(function* () {
    const ungrouped = yield* Layer.build(target.ungrouped)
    const rows: Array<Array<string>> = []
    for (const writers of writerCounts) {
      const grouped: Array<number> = []
      const before: Array<number> = []
      const bare: Array<number> = []
      for (let round = 0; round < groupRounds; round++) {
        const on = Effect.map(concurrentAppends(groupCommits, writers, `g${writers}-${round}`), (n) => grouped.push(n))
        const off = Effect.map(Effect.provide(concurrentAppends(groupCommits, writers, `u${writers}-${round}`), ungrouped), (n) => before.push(n))
        yield* round % 2 === 0 ? Effect.zipRight(on, off) : Effect.zipRight(off, on)
        bare.push(yield* bareInserts(groupCommits, 1, `w${writers}-${round}`, writers))
      }
      const [g, u, b] = [median(grouped), median(before), median(bare)]
      // Each round's own ratio: its two cells ran back to back, under the same load.
      const paired = median(grouped.map((n, round) => n / before[round]!))
      rows.push([`${writers} writer${writers === 1 ? "" : "s"}`, rate(u), rate(g), rate(b), pct(u / b), pct(g / b), `${paired.toFixed(2)}x`])
    }
    printTable(["single-event commits", "before (own tx) /s", "group commit /s", "bare INSERT /s", "before/bare", "group/bare", "group/before"], rows)
    console.log(`(${groupCommits} commits per cell, median of ${groupRounds} interleaved rounds, group/before of each round's ratio; load average ${loadavg().map((n) => n.toFixed(1)).join(" ")})`)
  }).pipe(Effect.scoped)

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** PostgreSQL plans by its statistics; refresh them after the bulk load, as autovacuum soon would. */
const analyze = Effect.flatMap(SqlClient.SqlClient, (sql) => sql.onDialectOrElse({ pg: () => sql`ANALYZE`, orElse: () => Effect.void }))

const rate = (n: number) => Math.round(n).toLocaleString("en-GB")
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`
const ms = (n: number) => `${n.toFixed(2)} ms`

const started = performance.now()
const sqlite = sqliteTarget()
try {
  await Effect.runPromise(benchOne(sqlite))
} finally {
  await sqlite.close()
}
const pg = await postgresTarget()
if (typeof pg === "string") console.log(`\nPostgreSQL: skipped (${pg})`)
else {
  try {
    await Effect.runPromise(benchOne(pg))
  } finally {
    await pg.close()
  }
}
// Issue 16 item 6, all of England on one PostgreSQL: long (it seeds its databases), so only when asked for.
if (process.env.BENCH_ENGLAND === "1") {
  console.log("\nAll of England (BENCH_ENGLAND=1)")
  await import("./england/main.js")
}
console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`)
