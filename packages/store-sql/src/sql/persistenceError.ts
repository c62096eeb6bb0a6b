import type { SqlError } from "@effect/sql/SqlError"
import { PersistenceError } from "@carepanel/core"
import { Effect } from "effect"

/** Turns the driver's SqlError into core's PersistenceError, naming the operation that failed. */
export const asPersistenceError =
  (operation: string) =>
  <A, E, R>(effect: Effect.Effect<A, E | SqlError, R>): Effect.Effect<A, Exclude<E, SqlError> | PersistenceError, R> =>
    Effect.catchIf(
      effect,
      (error): error is SqlError => (error as { _tag?: unknown } | undefined)?._tag === "SqlError",
      (error) =>
        Effect.fail(
          new PersistenceError({
            operation,
            message: `The database could not ${operation}. Please try again; if it keeps happening, tell your administrator.`,
            cause: error
          })
        )
    ) as Effect.Effect<A, Exclude<E, SqlError> | PersistenceError, R>
