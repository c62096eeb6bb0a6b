import { SqliteClient } from "@effect/sql-sqlite-node"
import { Cause, Effect, Layer } from "effect"
import { dirname } from "node:path"
import { resolveSqliteFile, type SqliteLocation } from "../config/dataDirectory.js"
import { type IntegrityOptions, resolveIntegrity } from "../config/integrityConfig.js"
import { resolveLockWait } from "../config/lockWait.js"
import { StoreConfigError } from "../config/StoreConfigError.js"
import type { StoreLayer } from "../StoreServices.js"
import { driverMessage } from "../sql/driverMessage.js"
import { busySliceMs, retryWhileBusy, WriteLockWait } from "../sql/writeLockWait.js"
import type { GroupCommitOptions } from "../store/groupCommit.js"
import { sqlStoreServices } from "./sqlStoreServices.js"

export interface SqliteStoreOptions extends SqliteLocation, IntegrityOptions, GroupCommitOptions {
  /**
   * Milliseconds a write waits for another process's write lock before failing as busy (a PersistenceError with
   * `retryAfterSeconds`); default `CAREPANEL_SQLITE_LOCK_WAIT_MS`, else 10 000. The event loop stays free meanwhile.
   */
  readonly lockWaitMs?: number
  /**
   * `FULL` (default) syncs the WAL at every commit, so an acknowledged event survives a power cut;
   * `NORMAL` survives a crashed process but may lose the last commits on power loss.
   */
  readonly synchronous?: "FULL" | "NORMAL"
}

/**
 * How long the driver keeps a statement it prepared. @effect/sql-sqlite-node's cache keeps a failed preparation (a
 * table missing, the schema unreadable under another process's lock) as long as a good one, 10 minutes by default: a
 * process that first met a statement while the store was broken kept failing it that long after the store was mended.
 * A second is no longer than the shortest Retry-After the apps give, so a retry prepares it afresh; preparing the few
 * dozen statements in use again once a second (10-30 µs each) costs about a millisecond of CPU a second. SQLite
 * itself prepares a kept statement again after a schema change.
 */
const preparedStatementKeptFor = "1 second"

/**
 * The embedded store: one SQLite file (default `./data/carepanel.sqlite`, or under `CAREPANEL_DATA_DIR`) in
 * WAL mode, which several processes can open at once. Appends take the write lock up front
 * (`BEGIN IMMEDIATE`) and wait for each other up to `lockWaitMs`, in Effect sleeps between short attempts. Commits are
 * signed with the key `IntegrityOptions` names (in development, one generated beside the database).
 */
export const SqliteStoreLayer = (
  options: SqliteStoreOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env
): StoreLayer =>
  Layer.unwrapEffect(
    Effect.map(
      Effect.flatMap(Effect.all([resolveSqliteFile(options, env), resolveLockWait(options.lockWaitMs, env)]), ([file, lockWaitMs]) =>
        Effect.map(resolveIntegrity(options, env, dirname(file.filename)), (integrity) => [file, lockWaitMs, integrity] as const)
      ),
      ([{ filename, setting }, lockWaitMs, integrity]) => {
      const cannotOpen = (reason: string) =>
        new StoreConfigError({ setting, message: `Cannot open the SQLite database at ${setting} ${filename}: ${reason}` })
      const synchronous = options.synchronous === "NORMAL" ? "NORMAL" : "FULL"
      const pragmas = Layer.effectDiscard(
        Effect.gen(function* () {
          const sql = yield* SqliteClient.SqliteClient
          yield* sql.unsafe(`PRAGMA busy_timeout = ${busySliceMs}`)
          // WAL lets the other processes on this file read while one writes. Set here, not by the driver (which does it
          // once, as it opens); it stays set in the file. Turning it on takes the file's exclusive lock: processes starting
          // together on a new file find it held, sometimes "locked" at once (SQLite will not wait where waiting could
          // deadlock), so it is tried again for as long as a write would wait. A file system that cannot share memory
          // maps (some network shares) refuses it.
          const [mode] = yield* retryWhileBusy(lockWaitMs)(sql.unsafe<{ readonly journal_mode: string }>("PRAGMA journal_mode = WAL"))
          if (mode?.journal_mode !== "wal") {
            return yield* cannotOpen(`its file system does not support WAL mode (the journal mode stayed ${mode?.journal_mode ?? "unknown"})`)
          }
          yield* sql.unsafe(`PRAGMA synchronous = ${synchronous}`)
        }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(cannotOpen(driverMessage(error)))))
      )
      // better-sqlite3 throws while opening (a directory, a file that is not a database): a defect to @effect/sql.
      const client = Layer.catchAllCause(SqliteClient.layer({ filename, disableWAL: true, prepareCacheTTL: preparedStatementKeptFor }), (cause) =>
        Layer.fail(cannotOpen(driverMessage(Cause.squash(cause))))
      )
      const lockWait = Layer.succeed(WriteLockWait, { millis: lockWaitMs })
      return sqlStoreServices(setting, filename, integrity, options, { filename, synchronous }).pipe(Layer.provideMerge(Layer.merge(pragmas, lockWait)), Layer.provide(client))
    })
  )
