import { SqlError } from "@effect/sql/SqlError"
import { Context, Duration, Effect, Schedule } from "effect"
import { isSqlError } from "./driverMessage.js"

/**
 * How long a write may wait for another process's SQLite write lock before it fails as busy (default 10 s).
 * The store layer provides it; `makeWriteTransaction` reads it.
 */
export class WriteLockWait extends Context.Reference<WriteLockWait>()("@carepanel/store-sql/WriteLockWait", {
  defaultValue: () => ({ millis: 10_000 })
}) {}

/**
 * SQLite's own busy handler sleeps inside the driver call, i.e. with the event loop blocked: it is given only
 * this slice; longer waits are Effect sleeps between attempts, during which the process serves everything else.
 */
export const busySliceMs = 10

/** The lock was still held elsewhere when the wait ran out: what a SqlError's cause is then. */
export class WriteLockBusy extends Error {
  override readonly name = "WriteLockBusy"
  constructor(
    readonly waitedMs: number,
    readonly retryAfterSeconds: number
  ) {
    super(`Another process held the database's write lock for the ${waitedMs} ms this write may wait.`)
  }
}

const causeCode = (error: unknown): unknown => (error as { cause?: { code?: unknown } } | undefined)?.cause?.code

/** SQLITE_BUSY (and its extended codes): the write lock is held by another connection. */
export const isBusy = (error: unknown): boolean => {
  const code = causeCode(error)
  return typeof code === "string" && code.startsWith("SQLITE_BUSY")
}

export const isWriteLockBusy = (error: unknown): error is SqlError & { readonly cause: WriteLockBusy } =>
  isSqlError(error) && error.cause instanceof WriteLockBusy

/** Short first (most locks are held for one commit), then up to 100 ms apart, jittered so that waiters spread out. */
const attempts = (bound: Duration.Duration) =>
  Schedule.exponential("5 millis", 1.5).pipe(
    Schedule.modifyDelay((_, delay) => Duration.min(delay, Duration.millis(100))),
    Schedule.jittered,
    Schedule.upTo(bound)
  )

/**
 * Runs `attempt` (which must be safe to repeat after a busy failure: nothing of it was written) again while it
 * fails with SQLITE_BUSY, for up to `waitMs`; then fails with a SqlError whose cause is `WriteLockBusy`.
 */
export const retryWhileBusy =
  (waitMs: number) =>
  <A, E, R>(attempt: Effect.Effect<A, E | SqlError, R>): Effect.Effect<A, E | SqlError, R> =>
    attempt.pipe(
      // The first attempt runs bare: building the schedule and its retry driver for every transaction cost more CPU
      // than most transactions, and most never find the lock held.
      Effect.catchIf(isBusy, () => Effect.retry(attempt, { schedule: attempts(Duration.millis(waitMs)), while: isBusy })),
      Effect.catchIf(isBusy, () =>
        Effect.fail(
          new SqlError({
            message: "The database's write lock is held by another process",
            cause: new WriteLockBusy(waitMs, Math.max(1, Math.ceil(waitMs / 1_000)))
          })
        )
      )
    )

/**
 * When the store was only busy (a PersistenceError with `retryAfterSeconds`, or a write transaction's own
 * SqlError), the seconds after which the same request may be sent again; otherwise undefined.
 */
export const busyRetryAfterSeconds = (error: unknown): number | undefined => {
  if (isWriteLockBusy(error)) return error.cause.retryAfterSeconds
  const retryAfter = (error as { _tag?: unknown; retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  return (error as { _tag?: unknown } | undefined)?._tag === "PersistenceError" && typeof retryAfter === "number" ? retryAfter : undefined
}
