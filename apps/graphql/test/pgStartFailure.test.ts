import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { preset } from "@carepanel/core"
import { PgStoreLayer } from "@carepanel/store-sql"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PostgresCluster, startPostgresCluster } from "../../../packages/store-sql/dev/postgresCluster.js"
import { renameAway } from "./support/renameAway.js"
import { startTestApp } from "./support/harness.js"
import { startMain } from "./support/mainJob.js"

/**
 * A start on PostgreSQL that fails after the store is open (the database at this version's schema, its event log's
 * table renamed away) ends every connection it opened before it reports: none is left on the server, so the DBA can
 * drop or restore the database at once (docs/operations.md, "When the store fails").
 */
let cluster: PostgresCluster
let admin: ManagedRuntime.ManagedRuntime<SqlClient.SqlClient, unknown>

beforeAll(async () => {
  cluster = await startPostgresCluster()
  admin = ManagedRuntime.make(PgStoreLayer(cluster.url("postgres"), { maxConnections: 1 }))
}, 90_000)
afterAll(async () => {
  await admin?.dispose()
  cluster?.stop()
})

const onAdmin = (text: string) => admin.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe<Record<string, unknown>>(text)))

/** A new database at this version's schema whose `events` table was renamed away. */
const brokenDatabase = async (name: string) => {
  await onAdmin(`CREATE DATABASE ${name}`)
  await renameAway(PgStoreLayer(cluster.url(name)), "events")
  return cluster.url(name)
}

const sessionsOn = async (name: string) => Number((await onAdmin(`SELECT count(*) AS sessions FROM pg_stat_activity WHERE datname = '${name}'`))[0]!.sessions)

describe("a start on PostgreSQL that fails after the store is open", () => {
  it("the API in this process (as an embedding app starts it): refused, and no connection of its pool is left on the server", async () => {
    const store = PgStoreLayer(await brokenDatabase("start_in_process"))
    await expect(startTestApp([preset("lincolnshire")], { store, accessLog: store, readiness: store })).rejects.toThrow("The database could not read the event log.")
    // A closed connection's server process leaves pg_stat_activity a moment after the client has gone; a leaked one never.
    await expect.poll(() => sessionsOn("start_in_process"), { timeout: 3_000 }).toBe(0)
  })

  it("the main job: one line in the database's words, exit 1, no connection left, and the database can be dropped at once", async () => {
    const url = await brokenDatabase("start_main")
    const main = startMain(mkdtempSync(join(tmpdir(), "carepanel-pg-start-")), { DATABASE_URL: url })
    main.started.catch(() => undefined)
    const { code, output } = await main.exited
    expect(code).toBe(1)
    expect(output.trim().split("\n")).toEqual(['Cannot start: the store could not read the event log (relation "events" does not exist)'])
    await expect.poll(() => sessionsOn("start_main"), { timeout: 3_000 }).toBe(0)
    await onAdmin("DROP DATABASE start_main")
  })
})
