import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { agendaQuery, requestPageQuery, submitMutation } from "./documents.js"
import { load } from "./load.js"
import { summariseProfile } from "./profileSummary.js"
import { draftId, seedSqliteStore } from "./seedStore.js"
import { startApi } from "./servers.js"
import { wholeNumberSetting } from "./settings.js"

/**
 * `npm run bench:profile [-- <directory>]`: the API under `node --cpu-prof`, once per operation (the agenda query, a
 * request's page, submitting a request), 10 connections for a few seconds each on a store of 1,000 requests, then
 * where each request's CPU milliseconds went. The .cpuprofile files stay in the directory (default
 * ./bench-profiles) for Chrome DevTools or speedscope. `PROFILE_OPERATIONS=submit` (or agenda, request-page) for fewer.
 * `PROFILE_READS` (default 1,000) reads per read operation, and `PROFILE_REQUESTS` how many different requests the request
 * page reads in turn (default all 992, so most are a first read; 100 with 8,000 reads profiles the steady state).
 */
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const outDir = resolve(process.argv[2] ?? "bench-profiles")
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-profile-"))
const seeded = 1_000
const agendaMembers = 8
const reads = wholeNumberSetting("PROFILE_READS", 1_000)
const pages = Math.min(wholeNumberSetting("PROFILE_REQUESTS", seeded - agendaMembers), seeded - agendaMembers)

const main = async () => {
  await seedSqliteStore(dataDir, policy, 0, seeded, agendaMembers)
  const keys = await loadDevKeys(dataDir)
  const administrator = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["panel_administrator"], personId: staff.administrator.personId })
  const worker = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["social_worker"], personId: staff.socialWorker.personId, name: staff.socialWorker.name })
  let page = 0
  let submitted = agendaMembers
  const operations = [
    { name: "agenda", token: administrator, body: () => agendaQuery },
    { name: "request-page", token: administrator, body: () => requestPageQuery(draftId(agendaMembers + (page++ % pages))) },
    { name: "submit", token: worker, body: () => submitMutation(draftId(submitted++)) }
  ]
  console.log(`CPU profile of the API (${cpus().length} cores, Node ${process.version}, SQLite synchronous=FULL, load average ${loadavg()[0]!.toFixed(1)})`)
  try {
    const only = process.env.PROFILE_OPERATIONS?.split(",")
    for (const operation of operations.filter((candidate) => only === undefined || only.includes(candidate.name))) {
      const dir = join(outDir, operation.name)
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      const api = await startApi(dataDir, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=250"])
      let served = 0
      try {
        const writes = operation.name === "submit"
        const warm = await load({ url: api.url, token: operation.token, connections: 4, body: operation.body, amount: writes ? 50 : Math.max(200, reads / 5) })
        const measured = await load({ url: api.url, token: operation.token, connections: 10, body: operation.body, amount: writes ? 400 : reads })
        served = warm.requests + measured.requests
        if (warm.non2xx + measured.non2xx + warm.errors + measured.errors > 0) throw new Error(`${operation.name}: some requests failed`)
        console.log(`\n## ${operation.name}: ${measured.rps.toFixed(0)} req/s, p50 / p99 ${measured.p50} / ${measured.p99} ms at 10 connections`)
      } finally {
        await api.stop()
      }
      // The main thread's profile (tsx's loader thread writes a second one).
      const file = readdirSync(dir).sort().find((name) => name.endsWith(".cpuprofile"))
      if (file === undefined) throw new Error(`No profile was written to ${dir}`)
      const summary = summariseProfile(join(dir, file))
      const perRequest = (ms: number) => ((ms / served) * 1000).toFixed(0)
      console.log(`${served} requests; CPU ${perRequest(summary.busyMs)} µs a request, the event loop idle ${perRequest(summary.idleMs)} µs a request`)
      console.log("| part | µs a request | share |\n| --- | --- | --- |")
      for (const [part, ms] of summary.byPart) console.log(`| ${part} | ${perRequest(ms)} | ${((ms / summary.busyMs) * 100).toFixed(0)}% |`)
      console.log("\nThe functions with most time of their own:")
      for (const [name, ms] of summary.topFunctions) console.log(`  ${perRequest(ms).padStart(5)} µs  ${name}`)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
