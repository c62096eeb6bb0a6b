/** The database driver's own words for a failure: @effect/sql wraps them in a generic SqlError message. */
export const driverMessage = (error: unknown): string => {
  const e = error as { message?: unknown; cause?: { message?: unknown } } | undefined
  return String(e?.cause?.message ?? e?.message ?? error)
}
