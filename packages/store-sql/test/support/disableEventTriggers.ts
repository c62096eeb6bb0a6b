import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** Test-only: switch the events table's append-only triggers off, as someone with the database owner's password could. */
export const disableEventTriggers = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({
    pg: () => sql`ALTER TABLE events DISABLE TRIGGER USER`,
    orElse: () => Effect.zipRight(sql`DROP TRIGGER events_are_never_updated`, sql`DROP TRIGGER events_are_never_deleted`)
  })
)
