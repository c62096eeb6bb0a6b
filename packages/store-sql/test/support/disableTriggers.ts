import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** Test-only: what the database's owner could do; rolled back with the tampering. */
export const disableTriggers = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({
    pg: () =>
      Effect.forEach(["events", "access_log", "chain_links", "signing_keys"], (table) => sql.unsafe(`ALTER TABLE ${table} DISABLE TRIGGER USER`), {
        discard: true
      }),
    orElse: () =>
      Effect.flatMap(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`, (triggers) =>
        Effect.forEach(triggers, ({ name }) => sql.unsafe(`DROP TRIGGER ${name}`), { discard: true })
      )
  })
)
