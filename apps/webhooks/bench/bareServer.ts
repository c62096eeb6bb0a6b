import { serve } from "@hono/node-server"
import { SqlClient } from "@effect/sql"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, ManagedRuntime } from "effect"
import { Hono } from "hono"

/** The baseline: a bare Hono route that parses the JSON body and inserts one row, on the same SQLite engine and settings. */
const runtime = ManagedRuntime.make(SqliteStoreLayer({ dataDir: process.env.CAREPANEL_DATA_DIR! }))
await runtime.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`CREATE TABLE IF NOT EXISTS bare_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)`))
let next = 0
const app = new Hono().post("/bare", async (c) => {
  const body = await c.req.json()
  const id = `row-${process.pid}-${next++}`
  await runtime.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`INSERT INTO bare_rows ${sql.insert({ id, body: JSON.stringify(body) })}`))
  return c.json({ id })
})
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(`bare at http://127.0.0.1:${info.port}/webhooks/`))
process.once("SIGTERM", () => server.close(() => process.exit(0)))
