import { SqlClient } from "@effect/sql"
import type { Connection as SqlConnection } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import type { Statement } from "@effect/sql/Statement"
import { Context, Effect, FiberRef, type Scope } from "effect"

/** SQLite's one connection, and whether one of this process's write transactions holds it. */
interface SqliteConnection {
  readonly connection: SqlConnection
  held: boolean
}

const sqliteConnections = new WeakMap<SqlClient.SqlClient, SqliteConnection>()

/**
 * The client's connection (@effect/sql-sqlite-node has exactly one, behind a semaphore), reserved once and kept to run
 * statements on while no transaction holds it. Made by `makeWriteTransaction`, through which every write transaction of
 * the store, its migrations and its rebuild goes, so that it knows when one holds it (`reserveForTransaction`).
 */
export const sqliteConnectionOf = (sql: SqlClient.SqlClient): Effect.Effect<SqliteConnection> =>
  Effect.suspend(() => {
    const known = sqliteConnections.get(sql)
    if (known !== undefined) return Effect.succeed(known)
    return Effect.map(Effect.orDie(Effect.scoped(sql.reserve)), (connection) => {
      const made = sqliteConnections.get(sql) ?? { connection, held: false }
      sqliteConnections.set(sql, made)
      return made
    })
  })

/**
 * Reserves the connection for a write transaction, in the caller's scope: until the scope closes, statements outside
 * the transaction go through @effect/sql (which waits for the connection) rather than straight to the connection, where
 * they would read the transaction's uncommitted rows.
 */
export const reserveForTransaction = (sql: SqlClient.SqlClient, shared: SqliteConnection): Effect.Effect<SqlConnection, SqlError, Scope.Scope> =>
  Effect.tap(sql.reserve, () => {
    shared.held = true
    return Effect.addFinalizer(() =>
      Effect.sync(() => {
        shared.held = false
      })
    )
  })

/**
 * Runs a statement straight on SQLite's connection (the driver's cached prepared statement): the open transaction's,
 * or, outside any transaction, the client's one connection while none of this process's write transactions holds it.
 * Through @effect/sql each statement also opens a span, an `Effect.scoped` and the connection's acquirer (a semaphore):
 * about 52 µs of CPU against 14 µs this way (a one-row SELECT, tracer off). The rows, the errors (the same `SqlError`)
 * and the statement are the same; better-sqlite3 runs a statement to its end before anything else can, so nothing
 * else is on the connection meanwhile. Only while the tracer is off (the apps turn it off unless telemetry is
 * configured), so no `sql.execute` span is lost. On PostgreSQL, or while a transaction of this process holds the
 * connection, the statement runs as any other (it waits for the connection).
 */
export const directly = <A extends object>(sql: SqlClient.SqlClient, statement: Statement<A>): Effect.Effect<ReadonlyArray<A>, SqlError> =>
  sql.onDialectOrElse({
    sqlite: () =>
      Effect.withFiberRuntime<ReadonlyArray<A>, SqlError>((fiber) => {
        // With telemetry on (the tracer enabled), every statement keeps its span.
        if (fiber.getFiberRef(FiberRef.currentTracerEnabled)) return statement
        const open = Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)
        const connection = open._tag === "Some" ? open.value[0] : freeConnection(sql)
        if (connection === undefined) return statement
        const [text, params] = statement.compile()
        return connection.execute(text, params, undefined) as Effect.Effect<ReadonlyArray<A>, SqlError>
      }),
    orElse: () => statement
  })

const freeConnection = (sql: SqlClient.SqlClient): SqlConnection | undefined => {
  const shared = sqliteConnections.get(sql)
  return shared === undefined || shared.held ? undefined : shared.connection
}
