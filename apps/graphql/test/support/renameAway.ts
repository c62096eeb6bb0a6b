import { SqlClient } from "@effect/sql"
import type { StoreLayer } from "@carepanel/store-sql"
import { Effect, ManagedRuntime } from "effect"

/**
 * Opens `store` (bringing its schema up to date), renames `table` away as a DBA's slip would, and closes it again: a
 * store at this version's schema that fails at its first read of that table.
 */
export const renameAway = async (store: StoreLayer, table: string) => {
  const own = ManagedRuntime.make(store)
  try {
    await own.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`ALTER TABLE ${table} RENAME TO ${table}_away`)))
  } finally {
    await own.dispose()
  }
}
