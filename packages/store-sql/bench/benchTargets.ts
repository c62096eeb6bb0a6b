import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PgClient } from "@effect/sql-pg"
import { Effect, Redacted } from "effect"
import { startPostgresCluster } from "../dev/postgresCluster.js"
import { PgStoreLayer, SqliteStoreLayer, type StoreLayer } from "../src/index.js"

export interface BenchTarget {
  readonly engine: string
  readonly note: string
  readonly layer: StoreLayer
  /** The same store with group commit off: every commit its own transaction (the comparison). */
  readonly ungrouped: StoreLayer
  /** The environment a second process opens the same store with (StoreLayerFromEnv). */
  readonly env: Readonly<Record<string, string>>
  readonly close: () => Promise<void>
}

export const sqliteTarget = (): BenchTarget => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-bench-"))
  return {
    engine: "SQLite",
    note: "WAL, synchronous=FULL, temp dir",
    layer: SqliteStoreLayer({ dataDir }),
    ungrouped: SqliteStoreLayer({ dataDir, groupCommit: false }),
    env: { CAREPANEL_DATA_DIR: dataDir },
    close: async () => rmSync(dataDir, { recursive: true, force: true })
  }
}

const onServer = (adminUrl: string, statement: string) =>
  Effect.runPromise(
    Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(statement)).pipe(
      Effect.provide(PgClient.layer({ url: Redacted.make(adminUrl), maxConnections: 1 }))
    )
  )

/**
 * PostgreSQL: a fresh database on the server named by DATABASE_URL (dropped afterwards), or else a
 * throwaway cluster started as the tests start theirs. Returns a reason instead when neither works.
 */
export const postgresTarget = async (): Promise<BenchTarget | string> => {
  const database = `carepanel_bench_${process.pid}`
  try {
    const given = process.env.DATABASE_URL?.trim()
    const cluster = given ? undefined : await startPostgresCluster()
    const adminUrl = given ?? cluster!.url("postgres")
    await onServer(adminUrl, `CREATE DATABASE ${database}`)
    const url = new URL(adminUrl)
    url.pathname = `/${database}`
    return {
      engine: "PostgreSQL",
      note: given ? `new database on the DATABASE_URL server` : "throwaway cluster, fsync=off",
      layer: PgStoreLayer(url.toString()),
      ungrouped: PgStoreLayer(url.toString(), { groupCommit: false }),
      env: { DATABASE_URL: url.toString() },
      close: async () => {
        await onServer(adminUrl, `DROP DATABASE ${database}`).catch(() => undefined)
        cluster?.stop()
      }
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
