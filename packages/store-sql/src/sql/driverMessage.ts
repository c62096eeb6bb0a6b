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
