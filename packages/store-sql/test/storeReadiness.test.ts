import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { storeTables } from "../src/health/StoreReadiness.js"
import { StoreReadiness } from "../src/index.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const check = Effect.flatMap(StoreReadiness, (readiness) => readiness.check)
const run = (text: string) => Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(text))

for (const { name, fresh } of dialects) {
  describe(`${name}: the readiness check (/ready)`, () => {
    it("looks for every table the migrations make", async () => {
      const tables = name === "SQLite"
        ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('carepanel_migrations', 'sqlite_sequence')"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'carepanel_migrations'"
      const made = await runOn(fresh(), Effect.map(run(tables), (rows) => rows.map((row) => (row as { name: string }).name).sort()))
      expect(made).toEqual([...storeTables])
    })

    it("says not ready, naming the table, while one is renamed away, and ready once it is back", async () => {
      const store = fresh()
      const answers = await runOn(
        store,
        Effect.gen(function* () {
          const before = yield* check
          yield* run("ALTER TABLE inbox RENAME TO inbox_away")
          const away = yield* check
          yield* run("ALTER TABLE inbox_away RENAME TO inbox")
          return [before, away, yield* check]
        })
      )
      const ready = { ready: true, store: "reachable", migrations: "current" }
      expect(answers).toEqual([ready, { ready: false, store: "reachable", migrations: "current", tables: expect.stringContaining("inbox") }, ready])
      expect(answers[1]!.tables).toBe(name === "SQLite" ? "no such table: inbox" : 'relation "inbox" does not exist')
    })
  })
}
