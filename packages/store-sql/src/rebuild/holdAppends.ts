import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * Inside a write transaction, until it ends, no append commits. PostgreSQL: appends serialise on the `event_head` row
 * (appendCommit), taken here. SQLite: the write transaction holds the database's write lock already.
 */
export const holdAppends = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({ pg: () => Effect.asVoid(sql`SELECT last_position FROM event_head WHERE id = 1 FOR UPDATE`), orElse: () => Effect.void })
)
