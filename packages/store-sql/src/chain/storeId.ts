import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The store's own id (migration 0011); undefined for a store whose schema predates it. */
export const readStoreId = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ store_id: string }>`SELECT store_id FROM store_identity WHERE id = 1`.pipe(
    Effect.map((rows) => rows[0]?.store_id),
    Effect.catchTag("SqlError", () => Effect.succeed(undefined))
  )
)
