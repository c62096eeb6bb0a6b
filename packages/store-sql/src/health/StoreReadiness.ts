import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { migrations, migrationsTable } from "../migrations/runMigrations.js"

/** What a readiness probe answers: whether the store answers and holds the schema this version expects. */
export interface Readiness {
  readonly ready: boolean
  readonly store: "reachable" | "unreachable" | "in memory"
  /** "current", or which schema the database is at against the one this version expects. */
  readonly migrations?: string
}

const latestMigration = Math.max(...migrations.map(([id]) => id))

/** Asks the database for its newest applied migration; never fails (an unreachable store is an answer, not an error). */
const checkSql = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [row] = yield* sql<{ latest: number | string | null }>`SELECT MAX(migration_id) AS latest FROM ${sql(migrationsTable)}`
  const schema = Number(row?.latest ?? 0)
  return schema === latestMigration
    ? ({ ready: true, store: "reachable", migrations: "current" } satisfies Readiness)
    : ({ ready: false, store: "reachable", migrations: `the database is at ${schema}, this version expects ${latestMigration}` } satisfies Readiness)
}).pipe(Effect.catchAll(() => Effect.succeed<Readiness>({ ready: false, store: "unreachable" })))

/** The readiness check every app's `/ready` runs: the store layers provide it on their SQL client. */
export class StoreReadiness extends Context.Tag("@carepanel/store-sql/StoreReadiness")<StoreReadiness, { readonly check: Effect.Effect<Readiness> }>() {
  static readonly onSql = (sql: SqlClient.SqlClient) => ({ check: Effect.provideService(checkSql, SqlClient.SqlClient, sql) })
  /** A store with no schema (in memory, in tests) is ready as soon as it exists. */
  static readonly inMemory = Layer.succeed(StoreReadiness, { check: Effect.succeed<Readiness>({ ready: true, store: "in memory" }) })
}
