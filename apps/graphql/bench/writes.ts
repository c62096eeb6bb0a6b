import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { createDraftMutation, submitMutation } from "./documents.js"
import { load } from "./load.js"
import { cpuMsOf } from "./processCpu.js"
import { draftId, seedSqliteStore } from "./seedStore.js"
import { startApi } from "./servers.js"
import { wholeNumberSetting } from "./settings.js"

/**
 * `npm run bench:writes`: the API's writes alone, with the CPU the API's process spent per request (from /proc, so
 * Linux only): submitting requests at 10 connections (`BENCH_SUBMITS`, default 400, each a different draft) and
 * creating drafts from 50 clients for `BENCH_DRAFT_SECONDS` (default 8). On a busy machine wall-clock rates swing with
 * the load; the CPU per request barely does, so it is what compares two versions run in the same period.
 */
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-writes-"))
const submits = wholeNumberSetting("BENCH_SUBMITS", 400)
const draftSeconds = wholeNumberSetting("BENCH_DRAFT_SECONDS", 8)
const warmSubmits = 40

const main = async () => {
  await seedSqliteStore(dataDir, policy, 0, submits + warmSubmits, 0)
  const keys = await loadDevKeys(dataDir)
  const worker = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["social_worker"], personId: staff.socialWorker.personId, name: staff.socialWorker.name })
  const api = await startApi(dataDir)
  try {
    let submitted = 0
    let drafts = 0
    await load({ url: api.url, token: worker, connections: 4, body: () => submitMutation(draftId(submitted++)), amount: warmSubmits })
    let cpu = cpuMsOf(api.pid)
    const submit = await load({ url: api.url, token: worker, connections: 10, body: () => submitMutation(draftId(submitted++)), amount: submits })
    const submitCpu = (cpuMsOf(api.pid) - cpu) / submit.requests
    cpu = cpuMsOf(api.pid)
    const create = await load({ url: api.url, token: worker, connections: 50, body: () => createDraftMutation(policy, drafts++), duration: draftSeconds })
    const createCpu = (cpuMsOf(api.pid) - cpu) / create.requests
    console.log(`API writes (SQLite synchronous=FULL, load average ${loadavg()[0]!.toFixed(1)})`)
    console.log("| operation | req/s | p50 / p99 ms | API CPU ms a request | not 2xx |\n| --- | --- | --- | --- | --- |")
    for (const [name, result, perRequest] of [["submit a request, 10 connections", submit, submitCpu], ["create a draft, 50 clients", create, createCpu]] as const) {
      console.log(`| ${name} | ${result.rps.toFixed(0)} | ${result.p50} / ${result.p99} | ${perRequest.toFixed(1)} | ${result.non2xx + result.errors} |`)
    }
  } finally {
    await api.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
