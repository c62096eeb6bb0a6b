import { existsSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { preset } from "@carepanel/core"
import { migrations, migrationsTable, SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renameAway } from "./support/renameAway.js"
import { startTestApp, type TestApp } from "./support/harness.js"

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-ready-"))
const latest = Math.max(...migrations.map(([id]) => id))
let app: TestApp
/** The operator's own connection to the store file, as a second process would have. */
const operator = ManagedRuntime.make(SqliteStoreLayer({ dataDir }))
const onTheStore = (statement: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) => operator.runPromise(Effect.flatMap(SqlClient.SqlClient, statement))

beforeAll(async () => {
  const store = SqliteStoreLayer({ dataDir })
  app = await startTestApp([preset("lincolnshire")], { store, accessLog: store, readiness: store })
})
afterAll(async () => {
  await app.close()
  await operator.dispose()
})

const ready = async () => {
  const response = await fetch(`${app.url}/ready`)
  return { status: response.status, body: await response.json() }
}

describe("/ready on the SQLite store (no token needed, like /health)", () => {
  it("answers 200 on a migrated store, and 503 naming both schema versions while the database is behind this version", async () => {
    expect(await ready()).toEqual({ status: 200, body: { ready: true, store: "reachable", migrations: "current" } })

    const [, name] = migrations.find(([id]) => id === latest)!
    await onTheStore((sql) => sql`DELETE FROM ${sql(migrationsTable)} WHERE migration_id = ${latest}`)
    expect(await ready()).toEqual({
      status: 503,
      body: { ready: false, store: "reachable", migrations: `the database is at ${latest - 1}, this version expects ${latest}` }
    })
    expect((await fetch(`${app.url}/health`)).status).toBe(200)

    await onTheStore((sql) => sql`INSERT INTO ${sql(migrationsTable)} (migration_id, name) VALUES (${latest}, ${name})`)
    expect((await ready()).status).toBe(200)
  })

  it("an API on the in-memory store (tests, the demo) is ready as soon as it runs", async () => {
    const memory = await startTestApp([preset("lincolnshire")])
    try {
      expect(await (await fetch(`${memory.url}/ready`)).json()).toEqual({ ready: true, store: "in memory" })
    } finally {
      await memory.close()
    }
  })
})

describe("starting on the SQLite store", () => {
  it("refuses to start on a port another process listens on, saying so, and closes the store it opened first", async () => {
    const port = Number(new URL(app.url).port)
    const ownDir = mkdtempSync(join(tmpdir(), "carepanel-ready-"))
    const store = SqliteStoreLayer({ dataDir: ownDir })
    await expect(startTestApp([preset("lincolnshire")], { store, accessLog: store, readiness: store, port })).rejects.toThrow(
      `listen EADDRINUSE: address already in use 127.0.0.1:${port}`
    )
    // SQLite folds the -wal file back into the database and removes it as its last connection closes.
    expect(existsSync(join(ownDir, "carepanel.sqlite"))).toBe(true)
    expect(existsSync(join(ownDir, "carepanel.sqlite-wal"))).toBe(false)
  })

  it("refuses to start on a store whose event log's table was renamed away, and closes the store it opened", async () => {
    const ownDir = mkdtempSync(join(tmpdir(), "carepanel-ready-"))
    await renameAway(SqliteStoreLayer({ dataDir: ownDir }), "events")
    const store = SqliteStoreLayer({ dataDir: ownDir })
    // The store opens and is at this version's schema; the first read of the event log (the change feed's start) fails.
    await expect(startTestApp([preset("lincolnshire")], { store, accessLog: store, readiness: store })).rejects.toThrow("The database could not read the event log.")
    expect(existsSync(join(ownDir, "carepanel.sqlite-wal"))).toBe(false)
  })
})
