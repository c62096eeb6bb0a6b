import { SqlClient } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import type { Connection as SqlConnection } from "@effect/sql/SqlConnection"
import { Context, Effect, Exit, FiberRef, Option, Scope } from "effect"
import { reserveForTransaction, sqliteConnectionOf } from "./directly.js"
import { driverMessage, isClosedDatabase, isSqlError } from "./driverMessage.js"
import { retryWhileBusy, WriteLockWait } from "./writeLockWait.js"

const noTransactionActive = (error: SqlError) => driverMessage(error).includes("no transaction is active")

/** Runs an effect in one transaction that is allowed to write. Nested uses become savepoints. */
export type WriteTransaction = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError, R>

/**
 * A SQLite savepoint in the open transaction: what @effect/sql's nested `withTransaction` does (`SAVEPOINT`, the effect
 * with the next savepoint id, `ROLLBACK TO SAVEPOINT` if it fails or is interrupted, nothing on success), without
 * its span, exit and match: a delivery runs two of them (the receiver's around the event's commands, the append's),
 * and that machinery cost more than the statements. Used while the tracer is off (no span is lost).
 */
const savepoint = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  context: Context.Context<never>,
  [conn, id]: readonly [SqlConnection, number]
): Effect.Effect<A, E | SqlError, R> => {
  const next = id + 1
  // Already uninterruptible here, so the context is set and put back directly (what `Effect.locally` does inside
  // an uninterruptible region of its own), with the rollback in the same exit handler.
  return Effect.uninterruptibleMask((restore) =>
    Effect.zipRight(
      conn.execute(`SAVEPOINT effect_sql_${next}`, [], undefined),
      Effect.zipRight(
        FiberRef.set(FiberRef.currentContext, Context.add(context, SqlClient.TransactionConnection, [conn, next])),
        Effect.onExit(restore(effect), (exit) =>
          Effect.zipRight(
            FiberRef.set(FiberRef.currentContext, context),
            Exit.isSuccess(exit) ? Effect.void : Effect.orDie(conn.execute(`ROLLBACK TO SAVEPOINT effect_sql_${next}`, [], undefined))
          )
        )
      )
    )
  )
}

/**
 * SQLite: `BEGIN IMMEDIATE` takes the database's write lock when the transaction starts, so two processes never
 * both read a stream version and then race to write it. A plain (deferred) `BEGIN`, which @effect/sql uses, would
 * fail one of them with SQLITE_BUSY when it upgrades its read lock. While another process holds the lock, the
 * driver waits only a slice (it blocks the event loop while it waits); the transaction is then started again after
 * an Effect sleep, with the connection free for this process's reads, until `WriteLockWait` runs out (see
 * writeLockWait.ts). Only a transaction that failed busy is repeated, and nothing of it was written: the lock is
 * taken first, and SQLite rolls a busy transaction back. PostgreSQL: the client's own transaction (the appends
 * serialise on the event_head row).
 */
export const makeWriteTransaction = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const wait = yield* WriteLockWait
  const sqliteConnection = yield* sql.onDialectOrElse({ sqlite: () => sqliteConnectionOf(sql), orElse: () => Effect.succeed(undefined) })
  return sql.onDialectOrElse({
    sqlite: (): WriteTransaction => {
      const reserve = reserveForTransaction(sql, sqliteConnection!)
      // `execute`, not `executeUnprepared`: the driver's statement cache keeps these few texts prepared, where
      // preparing them again at every transaction and savepoint was a tenth of a statement's cost.
      const begin = (conn: SqlConnection) => conn.execute("BEGIN IMMEDIATE", [], undefined)
      // After a busy BEGIN there is no transaction to roll back, and @effect/sql makes a failed rollback a defect.
      const rollback = (conn: SqlConnection) =>
        conn.executeUnprepared("ROLLBACK", [], undefined).pipe(Effect.catchIf(noTransactionActive, () => Effect.void))
      // A COMMIT that fails (a deferred constraint, a full disk, an I/O error) may leave SQLite's transaction open:
      // its writes would then be read back on this connection and the next BEGIN refused. Roll it back there and then.
      const commit = (conn: SqlConnection) => conn.execute("COMMIT", [], undefined).pipe(Effect.tapError(() => Effect.ignore(rollback(conn))))
      const transaction = SqlClient.makeWithTransaction({
        transactionTag: SqlClient.TransactionConnection,
        spanAttributes: [["db.system.name", "sqlite"]],
        acquireConnection: Effect.flatMap(Scope.make(), (scope) =>
          Effect.map(Scope.extend(reserve, scope), (conn) => [scope, conn] as const)
        ),
        begin,
        savepoint: (conn, id) => conn.execute(`SAVEPOINT effect_sql_${id}`, [], undefined),
        commit,
        rollback,
        rollbackSavepoint: (conn, id) => conn.execute(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [], undefined)
      })
      /**
       * The outermost transaction as @effect/sql's (the connection reserved in a scope, BEGIN, the effect with the
       * connection in its context, COMMIT or ROLLBACK, the scope closed), without its span: used while the tracer is off.
       */
      const outermost = <A, E, R>(effect: Effect.Effect<A, E, R>, context: Context.Context<never>): Effect.Effect<A, E | SqlError, R> =>
        Effect.uninterruptibleMask((restore) =>
          Effect.flatMap(Scope.make(), (scope) =>
            Effect.flatMap(Scope.extend(reserve, scope), (conn) =>
              Effect.flatMap(
                Effect.exit(
                  Effect.zipRight(
                    begin(conn),
                    Effect.zipRight(FiberRef.set(FiberRef.currentContext, Context.add(context, SqlClient.TransactionConnection, [conn, 0])), restore(effect))
                  )
                ),
                (exit) =>
                  Effect.zipRight(
                    FiberRef.set(FiberRef.currentContext, context),
                    Effect.zipRight(Effect.ensuring(Effect.orDie(Exit.isSuccess(exit) ? commit(conn) : rollback(conn)), Scope.close(scope, exit)), exit)
                  )
              )
            )
          )
        )
      const waitingForTheLock = retryWhileBusy(wait.millis)
      // A nested transaction is a savepoint under a lock already held: only the outermost one waits and repeats.
      // With telemetry on (the tracer enabled), @effect/sql's transaction and savepoint with their `sql.transaction` spans.
      return (effect) =>
        Effect.withFiberRuntime((fiber) => {
          const open = Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)
          const traced = fiber.getFiberRef(FiberRef.currentTracerEnabled)
          if (open._tag === "None") return waitingForTheLock(failedCommitAsError(traced ? transaction(effect) : outermost(effect, fiber.currentContext)))
          return traced ? transaction(effect) : savepoint(effect, fiber.currentContext, open.value)
        })
    },
    orElse: (): WriteTransaction => (effect) => failedCommitAsError(sql.withTransaction(effect))
  })
})

/**
 * @effect/sql makes a failed COMMIT (or ROLLBACK) a defect, and better-sqlite3 throws on a database closed under a
 * transaction (the process stopping): both are the database's failure to save, and the caller is owed that answer
 * ("could not save, try again") like any other statement's, not an internal error.
 */
const failedCommitAsError = <A, E, R>(transaction: Effect.Effect<A, E | SqlError, R>): Effect.Effect<A, E | SqlError, R> =>
  Effect.catchSomeDefect(transaction, (defect) => {
    if (isSqlError(defect)) return Option.some(Effect.fail(defect))
    if (isClosedDatabase(defect)) return Option.some(Effect.fail(new SqlError({ message: "The store was closed during the transaction", cause: defect })))
    return Option.none()
  })
