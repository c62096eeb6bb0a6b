import { SqliteClient } from "@effect/sql-sqlite-node"
import { Cause, Effect, Layer } from "effect"
import { resolveSqliteFile, type SqliteLocation } from "../config/dataDirectory.js"
import { StoreConfigError } from "../config/StoreConfigError.js"
import type { StoreLayer } from "../StoreServices.js"
import { driverMessage } from "../sql/driverMessage.js"
import { sqlStoreServices } from "./sqlStoreServices.js"

export interface SqliteStoreOptions extends SqliteLocation {
  /** Milliseconds a writer waits for another process's write lock before failing; default 10 000. */
  readonly busyTimeoutMs?: number
  /**
   * `FULL` (default) syncs the WAL at every commit, so an acknowledged event survives a power cut;
   * `NORMAL` survives a crashed process but may lose the last commits on power loss.
   */
  readonly synchronous?: "FULL" | "NORMAL"
}

/**
 * The embedded store: one SQLite file (default `./data/carepanel.sqlite`, or under `CAREPANEL_DATA_DIR`) in
 * WAL mode, which several processes can open at once. Appends take the write lock up front
 * (`BEGIN IMMEDIATE`) and wait for each other up to `busyTimeoutMs`.
 */
export const SqliteStoreLayer = (
  options: SqliteStoreOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env
): StoreLayer =>
  Layer.unwrapEffect(
    Effect.map(resolveSqliteFile(options, env), ({ filename, setting }) => {
      const cannotOpen = (reason: string) =>
        new StoreConfigError({ setting, message: `Cannot open the SQLite database at ${setting} ${filename}: ${reason}` })
      const busyTimeout = Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))
      const synchronous = options.synchronous === "NORMAL" ? "NORMAL" : "FULL"
      const pragmas = Layer.effectDiscard(
        Effect.flatMap(SqliteClient.SqliteClient, (sql) =>
          Effect.all([sql.unsafe(`PRAGMA busy_timeout = ${busyTimeout}`), sql.unsafe(`PRAGMA synchronous = ${synchronous}`)])
        ).pipe(Effect.mapError((error) => cannotOpen(driverMessage(error))))
      )
      // better-sqlite3 throws while opening (a directory, a file that is not a database): a defect to @effect/sql.
      const client = Layer.catchAllCause(SqliteClient.layer({ filename }), (cause) =>
        Layer.fail(cannotOpen(driverMessage(Cause.squash(cause))))
      )
      return sqlStoreServices(setting, filename).pipe(Layer.provideMerge(pragmas), Layer.provide(client))
    })
  )
