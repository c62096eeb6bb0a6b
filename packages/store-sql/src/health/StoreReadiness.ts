import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { migrations, migrationsTable } from "../migrations/runMigrations.js"
import { driverMessage } from "../sql/driverMessage.js"

/** What a readiness probe answers: whether the store answers and holds the schema this version expects. */
export interface Readiness {
  readonly ready: boolean
  readonly store: "reachable" | "unreachable" | "in memory"
  /** "current", or which schema the database is at against the one this version expects. */
  readonly migrations?: string
  /** Only when one of `storeTables` cannot be read (renamed or dropped under the apps): the database's words for it. */
  readonly tables?: string
}

const latestMigration = Math.max(...migrations.map(([id]) => id))

/** Every table this version's migrations make, besides their own: a store without one of them cannot serve. */
export const storeTables = [
  "access_log",
  "chain_links",
  "chain_starts",
  "event_head",
  "events",
  "inbox",
  "open_streams",
  "outbox",
  "outbox_deliveries",
  "rate_counts",
  "read_model_index",
  "read_models",
  "request_keys",
  "signing_keys",
  "source_references",
  "store_identity",
  "webhook_deliveries"
] as const

/** One statement that reads no row and fails, naming the first, if any of the store's tables is missing. */
const everyTable = storeTables.map((table) => `SELECT 1 FROM ${table} WHERE 1 = 0`).join(" UNION ALL ")

/**
 * Asks the database for its newest applied migration and looks for each of its tables; never fails (an unreachable
 * store is an answer, not an error).
 */
const checkSql = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [row] = yield* sql<{ latest: number | string | null }>`SELECT MAX(migration_id) AS latest FROM ${sql(migrationsTable)}`
  const schema = Number(row?.latest ?? 0)
  if (schema !== latestMigration) {
    return { ready: false, store: "reachable", migrations: `the database is at ${schema}, this version expects ${latestMigration}` } satisfies Readiness
  }
  return yield* sql.unsafe(everyTable).pipe(
    Effect.as<Readiness>({ ready: true, store: "reachable", migrations: "current" }),
    Effect.catchAll((error) => Effect.succeed<Readiness>({ ready: false, store: "reachable", migrations: "current", tables: driverMessage(error) }))
  )
}).pipe(Effect.catchAll(() => Effect.succeed<Readiness>({ ready: false, store: "unreachable" })))

/** The readiness check every app's `/ready` runs: the store layers provide it on their SQL client. */
export class StoreReadiness extends Context.Tag("@carepanel/store-sql/StoreReadiness")<StoreReadiness, { readonly check: Effect.Effect<Readiness> }>() {
  static readonly onSql = (sql: SqlClient.SqlClient) => ({ check: Effect.provideService(checkSql, SqlClient.SqlClient, sql) })
  /** A store with no schema (in memory, in tests) is ready as soon as it exists. */
  static readonly inMemory = Layer.succeed(StoreReadiness, { check: Effect.succeed<Readiness>({ ready: true, store: "in memory" }) })
}
