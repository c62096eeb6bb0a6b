import { mkdtempSync, rmSync } from "node:fs"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect } from "effect"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { type LoadResult, load } from "./load.js"
import { draftId, seedDrafts, seedSitting } from "./seedStore.js"
import { startChild } from "./servers.js"

/**
 * `npm run bench`: requests per second and p50/p99 latency of the agenda query and of submitting a request, on
 * the real API (SQLite store, its own process) and on a bare yoga server answering the same shapes from memory,
 * with 1k, 10k and 100k requests in the store. Load from autocannon in this process: one core each.
 */
const levels = [1_000, 10_000, 100_000]
const agendaMembers = 8
const submitsPerLevel = 2_000
const warmSubmits = 100
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-bench-"))
const agenda = JSON.stringify({
  query: "query Agenda($id: ID!) { sitting(id: $id) { ... on Sitting { id date agenda { referralId childIds kind summary startsAt endsAt } } } }",
  variables: { id: "sit_bench" }
})
const submit = (referralId: string) =>
  JSON.stringify({
    query: "mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { __typename ... on Referral { id status pendingApprovals { role ruleId } } ... on DomainError { code message } } }",
    variables: { input: { referralId } }
  })

const seed = (from: number, to: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* seedDrafts(policy, from, to)
      if (from === 0) yield* seedSitting(policy, Array.from({ length: agendaMembers }, (_, i) => draftId(i)))
    }).pipe(Effect.provide(SqliteStoreLayer({ dataDir, synchronous: "NORMAL" })))
  )

const rows: string[][] = []
const row = (level: number, operation: string, api: LoadResult, bare: LoadResult) =>
  rows.push([
    level.toLocaleString("en-GB"),
    operation,
    api.rps.toFixed(0),
    `${api.p50} / ${api.p99}`,
    bare.rps.toFixed(0),
    `${bare.p50} / ${bare.p99}`,
    (bare.rps / api.rps).toFixed(1),
    String(api.non2xx + api.errors)
  ])

const main = async () => {
  const started = Date.now()
  const keys = await loadDevKeys(dataDir)
  const administrator = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["panel_administrator"], personId: staff.administrator.personId })
  const worker = await signDevToken(keys, { authorityId: policy.authority.id, roles: ["social_worker"], personId: staff.socialWorker.personId, name: staff.socialWorker.name })
  const bare = await startChild("bench/bareServer.ts")
  let seeded = 0
  try {
    for (const level of levels) {
      const seedStart = Date.now()
      await seed(seeded, level)
      console.error(`seeded ${(level - seeded).toLocaleString("en-GB")} requests in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`)
      const pool = Array.from({ length: level - Math.max(seeded, agendaMembers) }, (_, i) => draftId(Math.max(seeded, agendaMembers) + i))
      seeded = level
      const api = await startChild("src/main.ts", {
        CAREPANEL_DATA_DIR: dataDir,
        CAREPANEL_POLICIES: "lincolnshire",
        CAREPANEL_SEED: "false",
        CAREPANEL_DEADLINE_POLL_SECONDS: "86400",
        // the load generator is one client going as fast as it can: its per-caller limit must not be what is measured
        CAREPANEL_REQUESTS_PER_MINUTE: "1000000",
        PORT: "0"
      })
      try {
        await load({ url: api.url, token: administrator, connections: 4, body: agenda, amount: 500 })
        await load({ url: bare.url, connections: 4, body: agenda, amount: 500 })
        const agendaApi = await load({ url: api.url, token: administrator, connections: 10, body: agenda, duration: 5 })
        const agendaBare = await load({ url: bare.url, connections: 10, body: agenda, duration: 5 })
        row(level, "agenda query", agendaApi, agendaBare)
        const amount = Math.min(submitsPerLevel, pool.length - warmSubmits)
        const spare = pool.slice(amount, amount + warmSubmits)
        const probe = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${worker}` }, body: submit(spare.pop()!) })
        const typename = ((await probe.json()) as { data?: { submitReferral?: { __typename?: string } } }).data?.submitReferral?.__typename
        if (typename !== "Referral") throw new Error(`A submission was not accepted (${typename}): the figures would not be of a write.`)
        let warm = 0
        await load({ url: api.url, token: worker, connections: 4, body: () => submit(spare[warm++ % spare.length]!), amount: spare.length })
        let next = 0
        const submitApi = await load({ url: api.url, token: worker, connections: 10, body: () => submit(pool[next++ % pool.length]!), amount })
        next = 0
        // From memory, the same ids can be submitted again: a fixed duration gives the bare server a fair measure.
        const submitBare = await load({ url: bare.url, connections: 10, body: () => submit(pool[next++ % pool.length]!), duration: 5 })
        row(level, "submit a request", submitApi, submitBare)
      } finally {
        await api.stop()
      }
    }
  } finally {
    await bare.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const header = ["requests in store", "operation", "API req/s", "API p50 / p99 ms", "bare req/s", "bare p50 / p99 ms", "bare/API", "API non-2xx"]
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]!.length)))
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`
  console.log(`Carepanel GraphQL API vs bare graphql-yoga (${cpus().length} cores, Node ${process.version}, SQLite synchronous=FULL)`)
  console.log([line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n"))
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
