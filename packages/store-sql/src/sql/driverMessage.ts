import type { SqlError } from "@effect/sql/SqlError"

/** The database driver's own words for a failure: @effect/sql wraps them in a generic SqlError message. */
export const driverMessage = (error: unknown): string => {
  const e = error as { message?: unknown; cause?: { message?: unknown } } | undefined
  return String(e?.cause?.message ?? e?.message ?? error)
}

/** An @effect/sql SqlError, told by its tag (a defect or an error of unknown type may be one). */
export const isSqlError = (error: unknown): error is SqlError => (error as { _tag?: unknown } | undefined)?._tag === "SqlError"

/** better-sqlite3 throws this (not a SqlError) for a statement on a database that was closed: the process is stopping. */
export const isClosedDatabase = (error: unknown): boolean =>
  error instanceof TypeError && error.message === "The database connection is not open"

/**
 * The driver's own words for a failure of the store, from a SqlError or the core's PersistenceError around one
 * ("database or disk is full", "no such table: inbox"): what tells an operator a full disk from a missing table, which
 * a PersistenceError's own message ("The database could not save the change") does not. Undefined for any other failure,
 * whose message may quote the data it was given.
 */
export const storeErrorOf = (error: unknown): string | undefined => {
  const sqlError = (error as { _tag?: unknown } | undefined)?._tag === "PersistenceError" ? (error as { cause?: unknown }).cause : error
  return isSqlError(sqlError) ? driverMessage(sqlError) : undefined
}
