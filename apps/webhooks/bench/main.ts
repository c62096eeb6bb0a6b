import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { generateSigningKeyPem } from "@carepanel/store-sql"
import { Webhook } from "standardwebhooks"
import { secret, sourcesFor, submitted, teamManager } from "../test/support/fixtures.js"

/**
 * `npm run bench`: verified, applied deliveries per second (each `document.attached` to one of 50 requests: verify,
 * decode, one transaction with the inbox row, the core's append and the delivery's record), against a bare Hono
 * route that inserts one row, on the same engine (SQLite, WAL, synchronous FULL), in the same run. Each server is
 * its own process; autocannon runs here. The two take turns (receiver, bare, receiver, bare, ...) in short rounds,
 * so that a change in the machine's load during the run weighs on both alike, after one unmeasured round of each.
 */
const requests = 50
const rounds = 3
const roundSeconds = 3
/** `CAREPANEL_BENCH_CPU_PROF=<dir>`: the receiver writes a V8 CPU profile of its run there when it stops (`node --cpu-prof`). */
const profileDir = process.env.CAREPANEL_BENCH_CPU_PROF?.trim()

const startServer = (script: string, env: Record<string, string>, profile = false) =>
  new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    const flags = profile && profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []
    const child = spawn(process.execPath, [...flags, "--conditions=@carepanel/source", "--import", "tsx", fileURLToPath(new URL(script, import.meta.url))], {
      // As deployed: NODE_ENV=production, with the store's signing key production requires (both servers' stores sign).
      env: { ...process.env, NODE_ENV: "production", CAREPANEL_SIGNING_KEY_FILE: signingKeyFile, CAREPANEL_WEBHOOKS_PORT: "0", CAREPANEL_LOG_LEVEL: "Warning", ...env },
      stdio: ["ignore", "pipe", "inherit"]
    })
    let output = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      const url = /at (http:\/\/[^/\s]+)\/webhooks\//.exec(output)?.[1]
      if (url) resolve({ url, child })
    })
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}): ${output}`)))
  })

const signed = (body: string, id: string) => {
  const now = new Date()
  return { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, now, body) }
}

/** What one server answered over all its rounds: 2xx count, their latencies, the rest, and the seconds measured. */
interface Tally {
  /** The server's CPU seconds (user + system) over its rounds: unlike the rate, barely moved by other work on the machine. */
  cpuSeconds: number
  ok: number
  other: number
  errors: number
  seconds: number
  readonly latencies: Array<number>
}
const tally = (): Tally => ({ cpuSeconds: 0, ok: 0, other: 0, errors: 0, seconds: 0, latencies: [] })

const ticksPerSecond = existsSync("/proc/self/stat") ? Number(execFileSync("getconf", ["CLK_TCK"]).toString()) : Number.NaN

/** A process's CPU seconds so far, from Linux's /proc (NaN elsewhere). */
const cpuSecondsOf = (pid: number) => {
  if (!Number.isFinite(ticksPerSecond)) return Number.NaN
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

const round = async (server: { url: string; child: ChildProcess }, path: string, request: () => { body: string; headers: Record<string, string> }, into: Tally) => {
  const url = `${server.url}${path}`
  const cpuBefore = cpuSecondsOf(server.child.pid!)
  const tracker = autocannon({
    url,
    method: "POST",
    connections: 10,
    duration: roundSeconds,
    requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, ...request() }) }]
  } as autocannon.Options) as Promise<autocannon.Result> & autocannon.Instance
  tracker.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) {
      into.ok++
      into.latencies.push(ms)
    } else into.other++
  })
  const result = await tracker
  into.cpuSeconds += cpuSecondsOf(server.child.pid!) - cpuBefore
  into.errors += result.errors
  into.seconds += (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000
}

const summary = (t: Tally) => {
  const sorted = [...t.latencies].sort((a, b) => a - b)
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN)
  return { rps: t.ok / t.seconds, cpuMs: (1000 * t.cpuSeconds) / t.ok, p50: at(0.5), p99: at(0.99), non2xx: t.other, errors: t.errors }
}

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-bench-"))
const sourcesFile = join(dataDir, "sources.json")
writeFileSync(sourcesFile, JSON.stringify(sourcesFor()))
const signingKeyFile = join(dataDir, "signing-key.pem")
writeFileSync(signingKeyFile, generateSigningKeyPem(), { mode: 0o600 })
// One source sending as fast as it can: its per-source limit must not be what is measured.
const receiver = await startServer(
  "../src/main.ts",
  {
    CAREPANEL_DATA_DIR: join(dataDir, "receiver"),
    CAREPANEL_WEBHOOK_SOURCES: sourcesFile,
    CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE: "1000000"
  },
  true
)
// If the bare server cannot start, the receiver is stopped rather than left running.
const bare = await startServer("./bareServer.ts", { CAREPANEL_DATA_DIR: join(dataDir, "bare") }).catch((error: unknown) => {
  receiver.child.kill("SIGTERM")
  throw error
})
try {
  const endpoint = `${receiver.url}/webhooks/wexcombe/mosaic`
  for (let i = 0; i < requests; i++) {
    const body = JSON.stringify(submitted(`bench-${i}`, { id: `child-bench-${i}`, name: "Sam Fictional" }))
    const response = await fetch(endpoint, { method: "POST", headers: signed(body, `seed-${i}`), body })
    if (response.status !== 200) throw new Error(`seeding request ${i}: ${response.status} ${await response.text()}`)
  }
  let n = 0
  const delivery = () => {
    n++
    const body = JSON.stringify({ type: "document.attached", data: { formId: `bench-${n % requests}`, actor: teamManager, document: { documentId: `bench-doc-${n}`, kind: "other", title: "Case note" } } })
    return { body, headers: signed(body, `bench-${n}`) }
  }
  // One unmeasured round of each first: a long-running receiver is measured, not its JIT's warm-up (a fresh process
  // costs about a fifth more CPU per delivery over its first few hundred deliveries; the bare route warms far sooner).
  await round(receiver, "/webhooks/wexcombe/mosaic", delivery, tally())
  await round(bare, "/bare", () => ({ body: JSON.stringify({ n: n++ }), headers: { "content-type": "application/json" } }), tally())
  const loadBefore = loadavg()[0]!
  const receiving = tally()
  const inserting = tally()
  for (let i = 0; i < rounds; i++) {
    await round(receiver, "/webhooks/wexcombe/mosaic", delivery, receiving)
    await round(bare, "/bare", () => ({ body: JSON.stringify({ n: n++ }), headers: { "content-type": "application/json" } }), inserting)
  }
  const webhooks = summary(receiving)
  const baseline = summary(inserting)
  console.log(`\nWebhook receiver vs a bare Hono route doing one insert (SQLite, 10 connections, ${rounds} turns of ${roundSeconds} s each)\n`)
  console.log("| server | 2xx per second | p50 / p99 ms | server CPU ms per 2xx | non-2xx |")
  console.log("|---|---|---|---|---|")
  const row = (name: string, r: ReturnType<typeof summary>) => `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} / ${r.p99} | ${r.cpuMs.toFixed(1)} | ${r.non2xx} |`
  console.log(row("receiver: verified, applied document.attached", webhooks))
  console.log(row("bare Hono route, one INSERT", baseline))
  console.log(`\nratio: ${((100 * webhooks.rps) / baseline.rps).toFixed(0)}% of the bare route (goal: at least 50%); by CPU per 2xx: ${((100 * baseline.cpuMs) / webhooks.cpuMs).toFixed(0)}%`)
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (2 cores here: above 2, other work shares them)`)
} finally {
  receiver.child.kill("SIGTERM")
  bare.child.kill("SIGTERM")
}
