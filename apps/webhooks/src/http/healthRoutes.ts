import { SqlClient } from "@effect/sql"
import { migrations, migrationsTable } from "@carepanel/store-sql"
import { Effect } from "effect"
import type { Hono } from "hono"
import type { ReceiverServices } from "../app/appLayer.js"
import type { ManagedRuntime } from "effect"

const latestMigration = Math.max(...migrations.map(([id]) => id))

/** Whether the store answers and its schema is the one this version expects. */
export const readiness = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [row] = yield* sql<{ latest: number | string | null }>`SELECT MAX(migration_id) AS latest FROM ${sql(migrationsTable)}`
  const schema = Number(row?.latest ?? 0)
  return schema === latestMigration
    ? { ready: true, store: "reachable", migrations: "current" }
    : { ready: false, store: "reachable", migrations: `the database is at ${schema}, this version expects ${latestMigration}` }
}).pipe(Effect.catchAll(() => Effect.succeed({ ready: false, store: "unreachable" })))

/** `/health`: the process answers. `/ready`: the store is reachable and its migrations are current (else 503). */
export const healthRoutes = (app: Hono, runtime: ManagedRuntime.ManagedRuntime<ReceiverServices, unknown>) => {
  app.get("/health", (c) => c.json({ status: "ok" }))
  app.get("/ready", async (c) => {
    const state = await runtime.runPromise(readiness)
    return c.json(state, state.ready ? 200 : 503)
  })
}
