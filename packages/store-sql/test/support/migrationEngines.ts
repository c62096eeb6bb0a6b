import { join } from "node:path"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { type Layer, Redacted } from "effect"
import { PgStoreLayer, SqliteStoreLayer } from "../../src/index.js"
import { freshDataDir, freshPgDatabase } from "./freshStores.js"

/**
 * Both engines for a migration test: a bare SQL client on a fresh database (to build the store as an older version
 * left it) and the store layer that migrates it to today's schema.
 */
export const migrationEngines = [
  {
    name: "SQLite",
    prepare: async () => {
      const dataDir = freshDataDir()
      const client = SqliteClient.layer({ filename: join(dataDir, "carepanel.sqlite") })
      return { client: client as Layer.Layer<SqlClient.SqlClient, unknown>, store: () => SqliteStoreLayer({ dataDir }) }
    }
  },
  {
    name: "PostgreSQL",
    prepare: async () => {
      const url = await freshPgDatabase()
      return { client: PgClient.layer({ url: Redacted.make(url) }) as Layer.Layer<SqlClient.SqlClient, unknown>, store: () => PgStoreLayer(url) }
    }
  }
]
