import type { SqlError } from "@effect/sql/SqlError"
import { PersistenceError } from "@carepanel/core"
import { Effect } from "effect"
import { isSqlError } from "./driverMessage.js"
import { isBusy, isWriteLockBusy } from "./writeLockWait.js"

const persistenceErrorOf = (operation: string, error: SqlError): PersistenceError => {
  if (isWriteLockBusy(error) || isBusy(error)) {
    const retryAfterSeconds = isWriteLockBusy(error) ? error.cause.retryAfterSeconds : 1
    return new PersistenceError({
      operation,
      message: `The database is busy and could not ${operation}; nothing was saved. Please try again in ${retryAfterSeconds} s.`,
      cause: error,
      retryAfterSeconds
    })
  }
  return new PersistenceError({
    operation,
    message: `The database could not ${operation}. Please try again; if it keeps happening, tell your administrator.`,
    cause: error
  })
}

/**
 * Turns the driver's SqlError into core's PersistenceError, naming the operation that failed. A write that did
 * not get the write lock in time (or a lone statement that met it taken) is a busy one, with `retryAfterSeconds`.
 */
export const asPersistenceError =
  (operation: string) =>
  <A, E, R>(effect: Effect.Effect<A, E | SqlError, R>): Effect.Effect<A, Exclude<E, SqlError> | PersistenceError, R> =>
    Effect.catchIf(
      effect,
      isSqlError,
      (error) => Effect.fail(persistenceErrorOf(operation, error))
    ) as Effect.Effect<A, Exclude<E, SqlError> | PersistenceError, R>
