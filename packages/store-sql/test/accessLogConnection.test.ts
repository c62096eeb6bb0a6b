import { join } from "node:path"
import { AccessLog, type AuthorityId, type ChildId, type PersonId } from "@carepanel/core"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../dev/writeLockHolder.js"
import { SqliteStoreLayer, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const authorityId = "connection-authority" as AuthorityId
const readOf = (r: number) =>
  Effect.flatMap(AccessLog, (log) =>
    log.record([{ authorityId, personId: `sw-${r}` as PersonId, role: "social_worker", at: "2027-06-01T09:00:00.000Z", childId: `child-${r}` as ChildId, fields: ["name", "dateOfBirth"], purpose: "RequestPage" }])
  )

/** A SQLite store as the apps run it without telemetry (tracer off), telling `groups` of every group commit. */
const storeIn = (dataDir: string, groups: Array<number>) =>
  ManagedRuntime.make(Layer.merge(SqliteStoreLayer({ dataDir, onGroup: (commits) => groups.push(commits) }), Layer.setTracerEnabled(false)))

describe("SQLite: the access log's own connection", () => {
  it("writes concurrent reads' entries without the group commit, in seq order under signed links that verify", async () => {
    const groups: Array<number> = []
    const runtime = storeIn(freshDataDir(), groups)
    await runtime.runPromise(Effect.all([1, 2, 3, 4, 5, 6].map(readOf), { concurrency: "unbounded", discard: true }))
    await runtime.runPromise(readOf(7))

    const logged = await runtime.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ child_id: string }>`SELECT child_id FROM access_log ORDER BY seq`)
    )
    expect(logged.map((row) => row.child_id).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((r) => `child-${r}`))
    expect(groups, "no group commit was needed").toEqual([])
    const links = await runtime.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ first_seq: number; last_seq: number }>`SELECT first_seq, last_seq FROM chain_links WHERE log = 'access' ORDER BY last_seq`)
    )
    // The six concurrent reads share one link, the seventh has its own.
    expect(links.map((link) => [Number(link.first_seq), Number(link.last_seq)])).toEqual([[1, 6], [7, 7]])
    const report = await runtime.runPromise(Effect.flatMap(StoreIntegrity, ({ key }) => verifyStore({ trusted: [trustedKeyOf(key)] })))
    expect(report).toMatchObject({ _tag: "Intact", accessEntries: 7 })
    await runtime.dispose()
  })

  it("while another process holds the write lock, waits for it through the group commit and loses nothing", async () => {
    const dataDir = freshDataDir()
    const groups: Array<number> = []
    const runtime = storeIn(dataDir, groups)
    await runtime.runPromise(readOf(1))
    const held = await holdWriteLock(join(dataDir, "carepanel.sqlite"), 600)
    await runtime.runPromise(Effect.all([2, 3].map(readOf), { concurrency: "unbounded", discard: true }))
    await held.released

    const logged = await runtime.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ child_id: string }>`SELECT child_id FROM access_log ORDER BY seq`))
    expect(logged.map((row) => row.child_id).sort()).toEqual(["child-1", "child-2", "child-3"])
    expect(groups.reduce((sum, size) => sum + size, 0), "the two written while the lock was held went through the group commit").toBe(2)
    const report = await runtime.runPromise(Effect.flatMap(StoreIntegrity, ({ key }) => verifyStore({ trusted: [trustedKeyOf(key)] })))
    expect(report).toMatchObject({ _tag: "Intact", accessEntries: 3 })
    await runtime.dispose()
  }, 30_000)
})
