import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { agendaQuery, requestPageQuery } from "./documents.js"
import { load } from "./load.js"
import { cpuMsOf } from "./processCpu.js"
import { draftId, seedSqliteStore } from "./seedStore.js"
import { type ChildServer, startApi, startChild } from "./servers.js"
import { wholeNumberSetting } from "./settings.js"

/**
 * `npm run bench:reads`: the API's reads alone, with the CPU its process spent per read (from /proc, so Linux only):
 * the agenda query and a request's page (992 requests, read in turn as the bench does), at 10 connections, beside the
 * bench's floor (bare yoga answering the same shapes from memory) in the same rounds.
 * `BENCH_COMPARE_WITH=<another checkout>` also starts that checkout's API on a store seeded alike and sends both the
 * same reads in alternating rounds (`BENCH_ROUNDS`, default 6, of `BENCH_READS`, default 1,500, each): on a machine
 * whose speed drifts, the two are then measured under the same conditions, which two runs one after the other are not.
 */
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const seeded = 1_000
const agendaMembers = 8
const rounds = wholeNumberSetting("BENCH_ROUNDS", 6)
const readsARound = wholeNumberSetting("BENCH_READS", 1_500)
const other = process.env.BENCH_COMPARE_WITH

interface Api {
  readonly name: string
  readonly server: ChildServer
  readonly token: string
  readonly dataDir?: string
}

const startOne = async (name: string, appDir?: string): Promise<Api> => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-reads-"))
  await seedSqliteStore(dataDir, policy, 0, seeded, agendaMembers)
  const keys = await loadDevKeys(dataDir)
  const token = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["panel_administrator"], personId: staff.administrator.personId })
  return { name, server: await startApi(dataDir, [], {}, appDir), token, dataDir }
}

const main = async () => {
  const apis = [await startOne("this checkout")]
  if (other !== undefined) apis.push(await startOne(resolve(other), join(resolve(other), "apps/graphql")))
  apis.push({ name: "bare yoga from memory (the floor)", server: await startChild("bench/bareServer.ts"), token: "" })
  let page = 0
  const operations = [
    { name: "agenda query", body: () => agendaQuery },
    { name: "request page", body: () => requestPageQuery(draftId(agendaMembers + (page++ % (seeded - agendaMembers)))) }
  ]
  const rows: Array<string> = []
  try {
    for (const operation of operations) {
      const totals = apis.map(() => ({ cpuMs: 0, reads: 0, seconds: 0, failed: 0 }))
      for (const api of apis) await load({ url: api.server.url, token: api.token, connections: 10, body: operation.body, amount: 1_000 })
      for (let round = 0; round < rounds; round++) {
        // Each round in the other order, so neither is always the one that runs just after the other.
        const order = round % 2 === 0 ? apis.map((_, i) => i) : apis.map((_, i) => apis.length - 1 - i)
        for (const i of order) {
          const api = apis[i]!
          const cpu = cpuMsOf(api.server.pid)
          const result = await load({ url: api.server.url, token: api.token, connections: 10, body: operation.body, amount: readsARound })
          totals[i]!.cpuMs += cpuMsOf(api.server.pid) - cpu
          totals[i]!.reads += result.requests
          totals[i]!.seconds += result.requests / result.rps
          totals[i]!.failed += result.non2xx + result.errors
        }
      }
      apis.forEach((api, i) => {
        const { cpuMs, reads, seconds, failed } = totals[i]!
        rows.push(`| ${operation.name} | ${api.name} | ${(reads / seconds).toFixed(0)} | ${((cpuMs / reads) * 1000).toFixed(0)} | ${failed} |`)
      })
    }
    console.log(`API reads at 10 connections (SQLite synchronous=FULL, ${seeded} requests, ${rounds} rounds of ${readsARound}, load average ${loadavg()[0]!.toFixed(1)})`)
    console.log("| operation | server | req/s | its CPU µs a read | not 2xx |\n| --- | --- | --- | --- | --- |")
    for (const row of rows) console.log(row)
  } finally {
    for (const api of apis) {
      await api.server.stop()
      if (api.dataDir !== undefined) rmSync(api.dataDir, { recursive: true, force: true })
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
