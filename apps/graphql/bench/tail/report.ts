import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { TailWindow } from "./windows.js"

/**
 * `node --import tsx bench/tail/report.ts <dir>`: reads what the tail probe wrote during `BENCH_TAIL_DIR=<dir> npm run
 * bench` and prints, for each measured write (and read) load of the API and of the durable floor, the slowest 1% of
 * requests with what ran while they waited: event-loop stalls, garbage collections, slow SQLite statements, and the
 * group commits (their size, and how long the COMMIT, i.e. the sync and any checkpoint, took).
 */
interface Span {
  readonly start: number
  readonly end: number
}
interface Probe {
  readonly loopDelay: { readonly p50: number; readonly p99: number; readonly max: number; readonly mean: number }
  readonly requests: ReadonlyArray<Span & { readonly socket: number; readonly status?: number; readonly cpuStart?: number; readonly cpuEnd?: number }>
  readonly stalls: ReadonlyArray<Span & { readonly cpu?: number }>
  readonly gcs: ReadonlyArray<{ readonly start: number; readonly duration: number; readonly kind?: number }>
  readonly statements: ReadonlyArray<Span & { readonly sql: string }>
  readonly commits: ReadonlyArray<Span & { readonly commitStart: number; readonly statements: number; readonly savepoints: number; readonly tables?: ReadonlyArray<string>; readonly checkpoint?: boolean }>
}

const dir = process.argv[2] ?? process.env.BENCH_TAIL_DIR
if (dir === undefined) throw new Error("usage: report.ts <the BENCH_TAIL_DIR of a bench run>")
const windows = JSON.parse(readFileSync(join(dir, "windows.json"), "utf8")) as ReadonlyArray<TailWindow>
const probes = new Map<string, Probe>()
const probeOf = (name: string) => {
  if (!probes.has(name)) {
    const file = join(dir, `${name}.json`)
    if (existsSync(file)) probes.set(name, JSON.parse(readFileSync(file, "utf8")) as Probe)
  }
  return probes.get(name)
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0
const f = (ms: number) => ms.toFixed(0)
const gcKinds: Record<number, string> = { 1: "scavenge", 2: "mark-compact", 4: "incremental", 8: "weak", 16: "scavenge" }

/** A closed-loop client sends on a socket as soon as the previous answer arrives: that is when its request began. */
const clientSpans = (requests: Probe["requests"]) => {
  const last = new Map<number, Probe["requests"][number]>()
  return [...requests]
    .filter((r) => r.end > 0)
    .sort((a, b) => a.start - b.start)
    .map((r) => {
      const previous = last.get(r.socket)
      last.set(r.socket, r)
      const sent = previous !== undefined && previous.end < r.start
      // The process's CPU ms from sending to answer: the work this request waited behind, its own included.
      const cpuFrom = sent ? previous.cpuEnd : r.cpuStart
      const cpu = cpuFrom !== undefined && r.cpuEnd !== undefined ? r.cpuEnd - cpuFrom : undefined
      return { start: sent ? previous.end : r.start, end: r.end, arrived: r.start, cpu }
    })
}

/** What a transaction wrote, for the report: the access log's group, the rate counters' flush, or something else. */
const kindOf = (tables: ReadonlyArray<string> | undefined) =>
  tables === undefined ? "?" : tables.includes("access_log") ? "access log" : tables.some((t) => t === "rate_counts" || t === "open_streams") ? "rate counters" : tables.join("+") || "empty"

for (const window of windows) {
  if (window.server === "memory") continue
  const apis = readdirSync(dir).filter((name) => name.startsWith("api-") && name.endsWith(".json"))
  const probe =
    window.server === "floor"
      ? probeOf("floor")
      : apis.map((name) => probeOf(name.slice(0, -5))).find((p) => p?.requests.some((r) => r.start >= window.start && r.start <= window.end))
  if (probe === undefined) continue
  const inWindow = <T extends Span>(spans: ReadonlyArray<T>) => spans.filter((s) => s.end >= window.start && s.start <= window.end)
  const spans = clientSpans(probe.requests.filter((r) => r.start >= window.start - 50 && r.end <= window.end + 50))
  const latencies = spans.map((s) => s.end - s.start).sort((a, b) => a - b)
  const served = spans.map((s) => s.end - s.arrived).sort((a, b) => a - b)
  const stalls = inWindow(probe.stalls)
  const gcs = probe.gcs.map((g) => ({ start: g.start, end: g.start + g.duration, kind: g.kind })).filter((g) => g.end >= window.start && g.start <= window.end)
  const statements = inWindow(probe.statements)
  const commits = inWindow(probe.commits)
  const commitMs = commits.map((c) => c.end - c.commitStart).sort((a, b) => a - b)
  const groupSizes = commits.map((c) => Math.max(1, c.savepoints)).sort((a, b) => a - b)
  console.log(`\n## ${window.label}: ${window.server} (client p50 / p99 ${window.p50} / ${window.p99} ms)`)
  console.log(
    `requests ${spans.length}; from sending to answer p50 / p99 / max ${f(percentile(latencies, 50))} / ${f(percentile(latencies, 99))} / ${f(latencies.at(-1) ?? 0)} ms; ` +
      `from being read to answer ${f(percentile(served, 50))} / ${f(percentile(served, 99))} / ${f(served.at(-1) ?? 0)} ms`
  )
  console.log(
    `loop stalls > 20 ms: ${stalls.length}, ${f(stalls.reduce((a, s) => a + s.end - s.start, 0))} ms in all, longest ${f(Math.max(0, ...stalls.map((s) => s.end - s.start)))} ms; ` +
      `GC ${gcs.length}, ${f(gcs.reduce((a, g) => a + g.end - g.start, 0))} ms, longest ${f(Math.max(0, ...gcs.map((g) => g.end - g.start)))} ms`
  )
  const checkpoints = commits.filter((c) => c.checkpoint === true).map((c) => c.end - c.commitStart)
  if (checkpoints.length > 0) console.log(`WAL checkpoints (COMMITs after which the database file changed): ${checkpoints.length}, COMMIT ms ${checkpoints.map(f).join(", ")}`)
  if (commits.length > 0)
    console.log(
      `transactions ${commits.length}: members p50 / max ${percentile(groupSizes, 50)} / ${groupSizes.at(-1)}; COMMIT p50 / p99 / max ${percentile(commitMs, 50).toFixed(1)} / ${percentile(commitMs, 99).toFixed(1)} / ${(commitMs.at(-1) ?? 0).toFixed(1)} ms`
    )
  const answeredDuring = (s: Span) => spans.filter((o) => o.end > s.start && o.end < s.end).length
  const cpus = spans.flatMap((s) => (s.cpu === undefined ? [] : [s.cpu])).sort((a, b) => a - b)
  const answered = spans.map(answeredDuring).sort((a, b) => a - b)
  if (cpus.length > 0) {
    const measured = probe.requests.filter((r) => r.start >= window.start && r.end > 0 && r.end <= window.end)
    const first = measured[0]?.cpuStart
    const last = measured.at(-1)?.cpuEnd
    // The API's CPU over the load divided by its requests: comparable between runs on a loaded machine, unlike rates.
    const cpuPerRequest = first !== undefined && last !== undefined && measured.length > 1 ? (last - first) / measured.length : undefined
    const byKind = new Map<string, { n: number; ms: number }>()
    for (const c of commits) {
      const k = byKind.get(kindOf(c.tables)) ?? { n: 0, ms: 0 }
      byKind.set(kindOf(c.tables), { n: k.n + 1, ms: k.ms + c.end - c.start })
    }
    console.log(
      `the process's CPU from sending to answer p50 / p99 ${percentile(cpus, 50).toFixed(1)} / ${percentile(cpus, 99).toFixed(1)} ms; other requests answered meanwhile p50 / p99 ${percentile(answered, 50)} / ${percentile(answered, 99)}; ` +
        `CPU a request ${cpuPerRequest === undefined ? "?" : cpuPerRequest.toFixed(2)} ms; ` +
        `transactions by kind (BEGIN to COMMIT ms in all): ${[...byKind].map(([k, v]) => `${k} ${v.n} (${f(v.ms)})`).join(", ")}`
    )
  }
  const slowest = spans.map((s) => ({ ...s, ms: s.end - s.start })).sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(spans.length / 100)))
  console.log("slowest 1%: ms (waited unread), stalls ms, GC ms, the slowest statements meanwhile, transactions meanwhile (longest COMMIT); CPU ms meanwhile, requests answered meanwhile, transactions by kind")
  if (slowest.some((s) => s.cpu !== undefined)) {
    // What the slowest 1% waited behind, on average, beside the median request: other requests' work, or something else.
    const mean = (xs: ReadonlyArray<number>) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length)
    const overlapOf = (list: ReadonlyArray<Span>, s: Span) => list.reduce((a, x) => a + overlap(x, s), 0)
    const byKindOverlap = (kind: string, s: Span) => overlapOf(commits.filter((c) => kindOf(c.tables) === kind), s)
    console.log(
      `slowest 1% on average: ${f(mean(slowest.map((s) => s.ms)))} ms, the process's CPU meanwhile ${mean(slowest.map((s) => s.cpu ?? 0)).toFixed(1)} ms, ${mean(slowest.map(answeredDuring)).toFixed(1)} other requests answered, ` +
        `GC ${mean(slowest.map((s) => overlapOf(gcs, s))).toFixed(1)} ms, rate counters' transactions ${mean(slowest.map((s) => byKindOverlap("rate counters", s))).toFixed(1)} ms, ` +
        `access-log transactions ${mean(slowest.map((s) => byKindOverlap("access log", s))).toFixed(1)} ms, a WAL checkpoint in ${slowest.filter((s) => commits.some((c) => c.checkpoint === true && overlap(c, s) > 0)).length} of ${slowest.length}`
    )
  }
  const t0 = window.start
  for (const s of slowest.slice(0, 12)) {
    const during = <T extends Span>(list: ReadonlyArray<T>) => list.filter((x) => overlap(x, s) > 0)
    const slowSql = during(statements)
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .slice(0, 2)
      .map((x) => `${f(x.end - x.start)} ms ${x.sql.slice(0, 60)}`)
    const txs = during(commits)
    console.log(
      `  +${f(s.start - t0)} ms: ${f(s.ms)} (${f(s.arrived - s.start)}), stalls ${f(during(stalls).reduce((a, x) => a + overlap(x, s), 0))}, GC ${f(during(gcs).reduce((a, x) => a + overlap(x, s), 0))}, ` +
        `[${slowSql.join("; ")}], ${txs.length} tx (${f(Math.max(0, ...txs.map((c) => c.end - c.commitStart)))} ms)` +
        (s.cpu === undefined ? "" : `; CPU ${s.cpu.toFixed(1)}, ${answeredDuring(s)} answered, ${txs.map((c) => `${kindOf(c.tables)}${c.checkpoint === true ? " + checkpoint" : ""}`).join(", ")}`)
    )
  }
  const longStalls = stalls.filter((s) => s.end - s.start >= 100).sort((a, b) => b.end - b.start - (a.end - a.start))
  if (longStalls.length > 0) console.log("stalls >= 100 ms: start, ms, the process's CPU ms meanwhile, transactions, GC ms inside, the slowest statements inside")
  for (const stall of longStalls.slice(0, 15)) {
    const inside = statements.filter((x) => overlap(x, stall) > 0).sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 3)
    const gcMs = gcs.filter((g) => overlap(g, stall) > 0).map((g) => `${f(g.end - g.start)} ${gcKinds[g.kind ?? 0] ?? g.kind}`)
    const txs = commits.filter((c) => overlap(c, stall) > 0).length
    console.log(`  +${f(stall.start - t0)}: ${f(stall.end - stall.start)} ms, CPU ${stall.cpu === undefined ? "?" : f(stall.cpu)} ms, ${txs} tx, GC [${gcMs.join(", ")}], [${inside.map((x) => `${f(x.end - x.start)} ms ${x.sql.slice(0, 50)}`).join("; ")}]`)
  }
}
