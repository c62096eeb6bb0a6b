import { type AuthorityId, EventStore, type ReadModelQuery, type ReadModelRow, ReadModels } from "@carepanel/core"
import { Effect } from "effect"

const authorityId = "bench-authority" as AuthorityId
const statuses = ["draft", "submitted", "awaiting_panel", "listed", "decided", "closed"] as const
const rowsPerCommit = 500

/** A referral-like read-model row: five index fields (one an array of panel members) and a ~1 kB document. */
const referral = (i: number): ReadModelRow => {
  const id = `ref-${String(i).padStart(7, "0")}`
  const members = [`person-${i % 200}`, `person-${(i * 7) % 200}`, `person-${(i * 13) % 200}`]
  return {
    collection: "referrals",
    authorityId,
    id,
    index: {
      status: statuses[i % statuses.length]!,
      panelId: `panel-${i % 20}`,
      socialWorkerId: `person-${1000 + (i % 300)}`,
      members,
      urgent: i % 10 === 0
    },
    doc: { id, childRef: `child-${i}`, summary: "s".repeat(700), members, history: [{ at: "2026-01-05", what: "submitted" }] }
  }
}

/** Adds referral rows `from`..`to`-1 through the store, 500 rows per commit. */
export const seedReferrals = (from: number, to: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    for (let start = from; start < to; start += rowsPerCommit) {
      const stream = { authorityId, streamType: "bench-seed", id: `seed-${start}` }
      const rows = Array.from({ length: Math.min(rowsPerCommit, to - start) }, (_, k) => referral(start + k))
      yield* store.append({ stream, expectedVersion: 0, events: [{ type: "Seeded", data: { start } }], readModels: rows, notifications: [] })
    }
  })

const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

/** The queries a panel screen makes: a page of 25 by status, by status and panel, by member, the next page, one row. */
export const queryKinds = (rows: number): ReadonlyArray<{ readonly name: string; readonly query: (i: number) => ReadModelQuery | string }> => [
  { name: "status = x, 25", query: (i) => ({ collection: "referrals", authorityId, where: { status: statuses[i % 6]! }, limit: 25 }) },
  {
    name: "status + panel, 25",
    query: (i) => ({ collection: "referrals", authorityId, where: { status: statuses[i % 6]!, panelId: `panel-${i % 20}` }, limit: 25 })
  },
  { name: "member in array, 25", query: (i) => ({ collection: "referrals", authorityId, where: { members: `person-${i % 200}` }, limit: 25 }) },
  {
    name: "status, page after id",
    query: (i) => ({
      collection: "referrals",
      authorityId,
      where: { status: "awaiting_panel" },
      afterId: `ref-${String((i * 7919) % rows).padStart(7, "0")}`,
      limit: 25
    })
  },
  { name: "get by id", query: (i) => `ref-${String((i * 104729) % rows).padStart(7, "0")}` }
]

/** p50 and p99 in milliseconds over `samples` runs of each query kind. */
export const measureQueries = (rows: number, samples: number) =>
  Effect.gen(function* () {
    const readModels = yield* ReadModels
    const results: Array<{ name: string; p50: number; p99: number; found: number }> = []
    for (const kind of queryKinds(rows)) {
      const times: Array<number> = []
      let found = 0
      for (let i = 0; i < samples; i++) {
        const query = kind.query(i)
        const start = performance.now()
        const result =
          typeof query === "string" ? yield* readModels.get("referrals", authorityId, query) : yield* readModels.query(query)
        times.push(performance.now() - start)
        found += Array.isArray(result) ? result.length : result ? 1 : 0
      }
      times.sort((a, b) => a - b)
      results.push({ name: kind.name, p50: percentile(times, 0.5), p99: percentile(times, 0.99), found: found / samples })
    }
    return results
  })
