import type { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import type { Effect } from "effect"

/**
 * One schema change: the same intent written for each dialect, one SQL statement per array entry; and, for a change
 * the core works out from stored documents (index fields it has started to write), a step run after the statements,
 * in the same transaction.
 */
export interface Migration {
  readonly sqlite: ReadonlyArray<string>
  readonly pg: ReadonlyArray<string>
  readonly rewrite?: Effect.Effect<void, SqlError, SqlClient.SqlClient>
}
