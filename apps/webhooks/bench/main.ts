import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { Webhook } from "standardwebhooks"
import { secret, sourcesFor, submitted, teamManager } from "../test/support/fixtures.js"

/**
 * `npm run bench`: verified, applied deliveries per second (each `document.attached` to one of 50 requests: verify,
 * decode, one transaction with the inbox row, the core's append and the delivery's record), against a bare Hono
 * route that inserts one row, on the same engine (SQLite, WAL, synchronous FULL), in the same run. Each server is
 * its own process; autocannon runs here.
 */
const requests = 50
const seconds = 5

const startServer = (script: string, env: Record<string, string>) =>
  new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@carepanel/source", "--import", "tsx", fileURLToPath(new URL(script, import.meta.url))], {
      env: { ...process.env, CAREPANEL_WEBHOOKS_PORT: "0", CAREPANEL_LOG_LEVEL: "Warning", ...env },
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

const run = async (url: string, request: () => { body: string; headers: Record<string, string> }) => {
  const result = await autocannon({
    url,
    method: "POST",
    connections: 10,
    duration: seconds,
    requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, ...request() }) }]
  } as autocannon.Options)
  const elapsed = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000
  return { rps: result["2xx"] / elapsed, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }
}

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-bench-"))
const sourcesFile = join(dataDir, "sources.json")
writeFileSync(sourcesFile, JSON.stringify(sourcesFor()))
const receiver = await startServer("../src/main.ts", { CAREPANEL_DATA_DIR: join(dataDir, "receiver"), CAREPANEL_WEBHOOK_SOURCES: sourcesFile })
const bare = await startServer("./bareServer.ts", { CAREPANEL_DATA_DIR: join(dataDir, "bare") })
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
  const webhooks = await run(endpoint, delivery)
  const baseline = await run(`${bare.url}/bare`, () => ({ body: JSON.stringify({ n: n++ }), headers: { "content-type": "application/json" } }))
  console.log(`\nWebhook receiver vs a bare Hono route doing one insert (SQLite, 10 connections, ${seconds} s each)\n`)
  console.log("| server | 2xx per second | p50 / p99 ms | non-2xx |")
  console.log("|---|---|---|---|")
  console.log(`| receiver: verified, applied document.attached | ${webhooks.rps.toFixed(0)} | ${webhooks.p50} / ${webhooks.p99} | ${webhooks.non2xx} |`)
  console.log(`| bare Hono route, one INSERT | ${baseline.rps.toFixed(0)} | ${baseline.p50} / ${baseline.p99} | ${baseline.non2xx} |`)
  console.log(`\nratio: ${((100 * webhooks.rps) / baseline.rps).toFixed(0)}% of the bare route (goal: at least 50%)`)
} finally {
  receiver.child.kill("SIGTERM")
  bare.child.kill("SIGTERM")
}
