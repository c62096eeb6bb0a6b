/**
 * `npm run -w @carepanel/store-sql bench:england` (and `BENCH_ENGLAND=1 npm run bench`): issue 16 item 6 on PostgreSQL.
 * For a few authorities of a database holding many (BENCH_ENGLAND_URL, filled by `seed:england`), the agenda, a
 * request's page and the deadlines, p50 / p99 through the core's use cases, beside the same for the authority of the
 * same preset on a database of one 1,000-request year per preset (BENCH_ENGLAND_BASELINE_URL, `seed:england --
 * --authorities 5 --years 1`); the
 * deadlines of an authority with 5,000 open requests (`eng-998`: drafts aimed at its panel's weekly sittings, whose
 * submission clocks run, one in 10 overdue, measured at their "now" with how many clocks run; added to the big
 * database if missing, refused if it is there without one running clock per open request); and rebuilding an
 * authority's state from its log. Without the URLs it starts its own cluster and seeds small ones
 * (BENCH_ENGLAND_AUTHORITIES x BENCH_ENGLAND_WEEKS, default 3 x 26; the baseline one authority per preset x
 * BENCH_ENGLAND_BASELINE_WEEKS, 52),
 * dropped with the cluster afterwards. BENCH_ENGLAND_OPEN: the open requests of the deadlines check (5,000).
 * BENCH_ENGLAND_SAMPLE: the authorities of the big database to measure, by number (`1,77,153`); default the first,
 * the middle one and the last. Exit 1 on a target missed by > 20%.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import type { AuthorityId, AuthorityPolicy } from "@carepanel/core"
import { localDate, presetSlugs } from "@carepanel/core"
import { Effect, Layer, Redacted } from "effect"
import { startPostgresCluster } from "../../dev/postgresCluster.js"
import { englandAuthorityId, englandPolicy, englandPreset } from "../../dev/england/englandPolicies.js"
import { deadlinesAt, mondayAfter, openRequestClocks, seedOpenRequestsOnClocks } from "../../dev/england/openRequests.js"
import { seedEngland } from "../../dev/england/seedEngland.js"
import { PgStoreLayer } from "../../src/layers/PgStoreLayer.js"
import { openAuthority } from "../openAuthorityBench.js"
import { printTable } from "../table.js"
import { coreOn } from "../../dev/england/coreOn.js"
import { wholeNumberSetting, wholeNumbersSetting } from "../../dev/wholeNumberSetting.js"
import { type AuthorityReads, type Latency, readsOf, rebuildRate, timedInTurn } from "./measure.js"

const ratioTarget = 1.5
const deadlinesTargetMs = 100
const slack = 1.2
// Read before anything starts, so that a mistyped number stops the bench naming it (dev/wholeNumberSetting.ts).
const openRequests = wholeNumberSetting("BENCH_ENGLAND_OPEN", 5000)
const seeding = {
  baselineWeeks: wholeNumberSetting("BENCH_ENGLAND_BASELINE_WEEKS", 52),
  bigAuthorities: wholeNumberSetting("BENCH_ENGLAND_AUTHORITIES", 3),
  bigWeeks: wholeNumberSetting("BENCH_ENGLAND_WEEKS", 26)
}
const chosen = wholeNumbersSetting("BENCH_ENGLAND_SAMPLE")
const firstDay = localDate("2027-01-04")
/** The open requests' "now", as the deadlines bench's at its default 26 weeks: the seed starts them around it. */
const openNow = mondayAfter(firstDay, 26)
const overdueEvery = 10
// Each authority's page is read for the same number of requests, so that each is decoded as often (a first decode costs more).
const runs = { reads: 3000, distinctRequests: 500, deadlines: 100 }

const env = process.env
if (env.CAREPANEL_DATA_DIR === undefined) env.CAREPANEL_DATA_DIR = mkdtempSync(join(tmpdir(), "carepanel-england-key-"))
const cluster = env.BENCH_ENGLAND_URL && env.BENCH_ENGLAND_BASELINE_URL ? undefined : await startPostgresCluster()
const log = (line: string) => console.log(`  ${line}`)

/** A database of the cluster this bench started, seeded with `authorities` x `weeks`. */
const seeded = async (name: string, authorities: number, weeks: number) => {
  const url = cluster!.url(name)
  await Effect.runPromise(
    Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`CREATE DATABASE ${name}`)).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(cluster!.url("postgres")), maxConnections: 1 })))
  )
  console.log(`seeding ${name}: ${authorities} authorities x ${weeks} weeks`)
  await Effect.runPromise(
    seedEngland({ authorities, weeks, requestsPerYear: 1000, firstDay, log }).pipe(Effect.provide(PgStoreLayer(url)))
  )
  return url
}

const authoritiesIn = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.map(
    sql<{ authority_id: string }>`SELECT DISTINCT authority_id FROM read_models WHERE collection = 'sittings' ORDER BY authority_id`,
    (rows) => rows.map((row) => Number(row.authority_id.slice(4))).filter((n) => Number.isInteger(n) && n !== openAuthority)
  )
)

const policiesUpTo = (count: number): ReadonlyArray<AuthorityPolicy> => Array.from({ length: count }, (_, i) => englandPolicy(i + 1)).concat(englandPolicy(openAuthority))

/** A database's authorities (ANALYZEd first) and events, over the store in context. */
const databaseOf = (withOpen: boolean) =>
  Effect.gen(function* () {
    const numbers = yield* authoritiesIn
    if (withOpen) yield* seedOpenRequestsOnClocks(englandPolicy(openAuthority), openRequests, openNow, overdueEvery)
    const sql = yield* SqlClient.SqlClient
    yield* sql`ANALYZE`
    const total = (yield* sql<{ n: number | string }>`SELECT last_position AS n FROM event_head`)[0]!.n
    return { authorities: numbers, events: Number(total) }
  })

interface Measured {
  readonly id: AuthorityId
  readonly requests: number
  readonly agenda: Latency | undefined
  readonly requestPage: Latency
  readonly deadlines: Latency
  readonly rebuild: number
}

const presetOf = (id: string) => englandPreset(Number(id.slice(4)))

/**
 * Each sampled authority of the big database beside the baseline's authority of the same preset (presets differ in
 * panels, clocks and requests), both measured in this process in turn; then the 5,000 open requests' deadlines.
 */
const measure = (bigUrl: string, baselineUrl: string, chosen: ReadonlyArray<number> | undefined) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const policies = policiesUpTo(1000)
      const big = yield* Layer.build(coreOn(PgStoreLayer(bigUrl), policies))
      const base = yield* Layer.build(coreOn(PgStoreLayer(baselineUrl), policies))
      const bigDatabase = yield* Effect.provide(databaseOf(true), big)
      const baseDatabase = yield* Effect.provide(databaseOf(false), base)
      const numbers = bigDatabase.authorities
      const sample = chosen ?? [...new Set([numbers[0]!, numbers[Math.floor(numbers.length / 2)]!, numbers.at(-1)!])]
      const pairs: Array<{ big: Measured; reference: Measured }> = []
      for (const n of sample) {
        const id = englandAuthorityId(n)
        const referenceNumber = baseDatabase.authorities.find((candidate) => englandPreset(candidate) === presetOf(id))
        if (referenceNumber === undefined) throw new Error(`the baseline database has no authority of the preset ${presetOf(id)} (seed one per preset: --authorities 5)`)
        const referenceId = englandAuthorityId(referenceNumber)
        const reads = yield* Effect.all([Effect.provide(readsOf(id, runs.distinctRequests), big), Effect.provide(readsOf(referenceId, runs.distinctRequests), base)])
        const inTurn = (count: number, pick: (r: AuthorityReads) => AuthorityReads["requestPage"]) => timedInTurn(count, [pick(reads[0]), pick(reads[1])])
        const agenda = reads[0].agenda && reads[1].agenda ? yield* inTurn(runs.reads, (r) => r.agenda!) : []
        const requestPage = yield* inTurn(runs.reads, (r) => r.requestPage)
        const deadlines = yield* inTurn(runs.deadlines, (r) => r.deadlines)
        const rebuild = [yield* Effect.provide(rebuildRate(id), big), yield* Effect.provide(rebuildRate(referenceId), base)]
        const side = (i: 0 | 1, authorityId: AuthorityId): Measured => ({
          id: authorityId,
          requests: reads[i].requests,
          agenda: agenda[i],
          requestPage: requestPage[i]!,
          deadlines: deadlines[i]!,
          rebuild: rebuild[i]!
        })
        pairs.push({ big: side(0, id), reference: side(1, referenceId) })
      }
      const openId = englandAuthorityId(openAuthority)
      const openDeadlines = () => Effect.provide(deadlinesAt(englandPolicy(openAuthority), openNow), big)
      const remedy = `it was seeded with another BENCH_ENGLAND_OPEN; give the number it was seeded with, or a BENCH_ENGLAND_URL database without ${openId}`
      const clocks = yield* openRequestClocks(openId, openRequests, yield* openDeadlines(), remedy)
      const { requests } = yield* Effect.provide(readsOf(openId, 1), big)
      const [open] = yield* timedInTurn(runs.deadlines, [openDeadlines])
      return { big: bigDatabase, base: baseDatabase, pairs, open: { requests, clocks, deadlines: open! } }
    }).pipe(Effect.scoped)
  )

const ms = (n: number) => `${n.toFixed(1)} ms`
const ratioOf = (big: Latency, base: Latency) => Math.max(big.p50 / base.p50, big.p99OutsideGc / base.p99OutsideGc)
const shown = (l: Latency) => `${ms(l.p50)} / ${ms(l.p99)} (${ms(l.p99OutsideGc)}, ${l.pausedByGc})`
let missed = 0
const verdict = (value: number, target: number) => {
  if (value <= target) return "ok"
  if (value <= target * slack) return "missed, within 20%"
  missed++
  return "MISSED"
}

try {
  const baselineUrl = env.BENCH_ENGLAND_BASELINE_URL || (await seeded("england_baseline", presetSlugs.length, seeding.baselineWeeks))
  const bigUrl = env.BENCH_ENGLAND_URL || (await seeded("england_big", seeding.bigAuthorities, seeding.bigWeeks))
  const { big, base, pairs, open } = await measure(bigUrl, baselineUrl, chosen)
  const references = [...new Map(pairs.map(({ reference }) => [reference.id, reference])).values()]
  console.log(`\nbaseline: ${base.authorities.length} authorities, ${base.events.toLocaleString("en-GB")} events`)
  for (const m of references) console.log(`  for ${presetOf(m.id)}: ${m.id}, ${m.requests} requests`)
  console.log(`big: ${big.authorities.length} authorities, ${big.events.toLocaleString("en-GB")} events`)
  const rows: Array<Array<string>> = []
  for (const { big: m, reference } of pairs) {
    for (const [name, measured, baseline] of [
      ["agenda", m.agenda, reference.agenda],
      ["request page", m.requestPage, reference.requestPage],
      ["deadlines", m.deadlines, reference.deadlines]
    ] as const) {
      if (measured === undefined || baseline === undefined) continue
      const ratio = ratioOf(measured, baseline)
      rows.push([m.id, String(m.requests), name, shown(measured), `${shown(baseline)} ${reference.id}`, ratio.toFixed(2), `<= ${ratioTarget}`, verdict(ratio, ratioTarget)])
    }
  }
  printTable(["authority", "requests", "read", "big: p50 / p99 (p99 outside GC, calls GC paused)", "baseline, same preset, in turn", "ratio (p50, p99 outside GC)", "target", ""], rows)
  printTable(
    ["deadlines, one authority", "requests", "running clocks", "p50 / p99", "target p99", ""],
    [[`${openRequests.toLocaleString("en-GB")} open requests`, String(open.requests), String(open.clocks), `${ms(open.deadlines.p50)} / ${ms(open.deadlines.p99)}`, `< ${deadlinesTargetMs} ms`, verdict(open.deadlines.p99, deadlinesTargetMs)]]
  )
  printTable(
    ["rebuild from the log (read, decode, fold)", "events/s"],
    [...pairs.map(({ big }) => big), ...references].map((m) => [references.includes(m) ? `${m.id} (baseline)` : m.id, Math.round(m.rebuild).toLocaleString("en-GB")])
  )
} finally {
  await cluster?.stop()
  if (env.CAREPANEL_DATA_DIR?.includes("carepanel-england-key-")) rmSync(env.CAREPANEL_DATA_DIR, { recursive: true, force: true })
}
if (missed > 0) {
  console.log(`\n${missed} target(s) missed by more than 20%`)
  process.exitCode = 1
}
