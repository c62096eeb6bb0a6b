/**
 * `npm run -w @carepanel/store-sql bench:reminders`: one run of the clock reminders job (`ClockReminders.remind`) for
 * one authority, as every API process runs it for every authority every CAREPANEL_REMINDER_MINUTES: the first run
 * (it queues the reminders) and repeat runs (the outbox already holds them: nothing new), p50 / p99, wall time and this
 * process's CPU time. The authorities are the deadlines bench's, with clocks that alarm at the bench's "now" (the end
 * of the played history): `eng-001` played for BENCH_DEADLINES_WEEKS weeks (26), and `eng-998` with
 * BENCH_DEADLINES_OPEN drafts (5,000) aimed at its panel's weekly sittings, one in BENCH_REMINDERS_OVERDUE_EVERY (10)
 * overdue. Each first run is timed after the authority's reminders are taken out of the outbox again
 * (BENCH_REMINDERS_FIRST_RUNS, 5), the repeats BENCH_DEADLINES_RUNS times (30). BENCH_REMINDERS_DIR keeps the SQLite
 * store between runs (seeded once); BENCH_DEADLINES_ENGINE=pg: on PostgreSQL (DATABASE_URL's server or a throwaway
 * cluster).
 */
import { SqlClient } from "@effect/sql"
import { type AuthorityId, ClockReminders } from "@carepanel/core"
import { Effect, Layer } from "effect"
import { coreOn } from "../../dev/england/coreOn.js"
import { englandAuthorityId } from "../../dev/england/englandPolicies.js"
import { at } from "../../dev/england/playAuthority.js"
import { wholeNumberSetting } from "../../dev/wholeNumberSetting.js"
import { openAuthority, openAuthorityBench } from "../openAuthorityBench.js"
import { printTable } from "../table.js"
import { summary, type Timed, timedOnce } from "../timedCalls.js"

const firstRuns = wholeNumberSetting("BENCH_REMINDERS_FIRST_RUNS", 5)
const bench = await openAuthorityBench("BENCH_REMINDERS_DIR", wholeNumberSetting("BENCH_REMINDERS_OVERDUE_EVERY", 10))
const { runs, now } = bench

/** The authority's notifications in the outbox (each on every channel). */
const queuedOf = (authorityId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM outbox WHERE authority_id = ${authorityId}`).pipe(
    Effect.map(([row]) => Number(row?.n ?? 0))
  )

/** Takes the authority's notifications out of the outbox again, so that the next run is a first run. */
const emptied = (authorityId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.withTransaction(
      Effect.zipRight(
        sql`DELETE FROM outbox_deliveries WHERE seq IN (SELECT seq FROM outbox WHERE authority_id = ${authorityId})`,
        sql`DELETE FROM outbox WHERE authority_id = ${authorityId}`
      )
    )
  )

const timedReminders = (n: number) =>
  Effect.gen(function* () {
    const reminders = yield* ClockReminders
    const authorityId = englandAuthorityId(n) as AuthorityId
    const remind = at(now)(reminders.remind(authorityId))
    yield* emptied(authorityId)
    const cold = yield* timedOnce(remind)
    const queued = yield* queuedOf(authorityId)
    const first: Array<Timed> = []
    for (let i = 0; i < firstRuns; i++) {
      yield* emptied(authorityId)
      first.push(yield* timedOnce(remind))
    }
    const repeats: Array<Timed> = []
    for (let i = 0; i < runs; i++) repeats.push(yield* timedOnce(remind))
    const again = (yield* queuedOf(authorityId)) - queued
    return { id: authorityId, notifications: cold.result, queued, again, cold: cold.wall, coldCpu: cold.cpu, first: summary(first), repeat: summary(repeats) }
  })

const ms = (n: number) => `${n.toFixed(1)} ms`
try {
  const rows = await Effect.runPromise(
    Effect.gen(function* () {
      yield* bench.seed
      return [yield* timedReminders(1), yield* timedReminders(openAuthority)]
    }).pipe(Effect.provide(Layer.provideMerge(ClockReminders.Default, coreOn(bench.store, bench.policies))), Effect.scoped)
  )
  console.log(bench.heading())
  printTable(
    ["authority", "reminders", "queued", "cold first run (CPU)", `first run p50 / p99 (x${firstRuns})`, "CPU p50 / p99", `repeat p50 / p99 (x${runs})`, "CPU p50 / p99", "queued by repeats"],
    rows.map((row) => [
      row.id,
      String(row.notifications),
      String(row.queued),
      `${ms(row.cold)} (${ms(row.coldCpu)})`,
      `${ms(row.first.p50)} / ${ms(row.first.p99)}`,
      `${ms(row.first.cpu50)} / ${ms(row.first.cpu99)}`,
      `${ms(row.repeat.p50)} / ${ms(row.repeat.p99)}`,
      `${ms(row.repeat.cpu50)} / ${ms(row.repeat.cpu99)}`,
      String(row.again)
    ])
  )
} finally {
  await bench.close()
}
