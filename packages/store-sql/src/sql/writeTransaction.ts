import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Scope } from "effect"

/** Runs an effect in one transaction that is allowed to write. Nested uses become savepoints. */
export type WriteTransaction = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError, R>

/**
 * SQLite: `BEGIN IMMEDIATE` takes the database's write lock when the transaction starts (waiting up to
 * busy_timeout), so two processes never both read a stream version and then race to write it. A plain
 * (deferred) `BEGIN`, which @effect/sql uses, would fail one of them with SQLITE_BUSY when it upgrades its
 * read lock. PostgreSQL: the client's own transaction (the appends serialise on the event_head row).
 */
export const makeWriteTransaction = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return sql.onDialectOrElse({
    sqlite: (): WriteTransaction =>
      SqlClient.makeWithTransaction({
        transactionTag: SqlClient.TransactionConnection,
        spanAttributes: [["db.system.name", "sqlite"]],
        acquireConnection: Effect.flatMap(Scope.make(), (scope) =>
          Effect.map(Scope.extend(sql.reserve, scope), (conn) => [scope, conn] as const)
        ),
        begin: (conn) => conn.executeUnprepared("BEGIN IMMEDIATE", [], undefined),
        savepoint: (conn, id) => conn.executeUnprepared(`SAVEPOINT effect_sql_${id}`, [], undefined),
        commit: (conn) => conn.executeUnprepared("COMMIT", [], undefined),
        rollback: (conn) => conn.executeUnprepared("ROLLBACK", [], undefined),
        rollbackSavepoint: (conn, id) => conn.executeUnprepared(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [], undefined)
      }),
    orElse: (): WriteTransaction => sql.withTransaction
  })
})
