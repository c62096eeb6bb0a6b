import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Cause, Effect, Layer } from "effect"
import { StoreConfigError } from "../config/StoreConfigError.js"
import { driverMessage } from "../sql/driverMessage.js"
import { plural } from "./plural.js"
import type { CommandResult } from "./verifyCommand.js"
import { verifierClient } from "./verifierStore.js"

type Env = Readonly<Record<string, string | undefined>>

const refused = (lines: ReadonlyArray<string>): CommandResult => ({ exitCode: 64, lines })

/** How far the copy's two logs go, read from the copy itself. */
const contentsOf = (file: string) =>
  Effect.provide(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const [events] = yield* sql<{ readonly n: number }>`SELECT COUNT(*) AS n FROM events`
      const [access] = yield* sql<{ readonly n: number }>`SELECT COUNT(*) AS n FROM access_log`
      return { events: events?.n ?? 0, access: access?.n ?? 0 }
    }),
    Layer.catchAllCause(SqliteClient.layer({ filename: file, disableWAL: true }), (cause) =>
      Layer.fail(new StoreConfigError({ setting: "backup", message: `Cannot read the copy ${file}: ${driverMessage(Cause.squash(cause))}` }))
    )
  )

/**
 * `carepanel-store backup <file>`: a consistent copy of the SQLite store, taken while the apps run. `VACUUM INTO` writes
 * the copy from one read transaction: it holds whole commits only, every one acknowledged before it began, and in WAL
 * mode the apps' writes carry on meanwhile. (An online backup in steps would start again whenever another process
 * wrote, so on a busy store it might never finish.) PostgreSQL is backed up with pg_dump instead.
 */
export const backupNow = (args: ReadonlyArray<string>, env: Env): Effect.Effect<CommandResult, unknown, never> => {
  if (env.DATABASE_URL?.trim()) {
    return Effect.succeed(refused(["carepanel-store backup copies a SQLite store; back up PostgreSQL with pg_dump (docs/operations.md, \"Backups, and restoring one\")"]))
  }
  if (args.length !== 1 || args[0]!.startsWith("-") || args[0]!.trim() === "") {
    return Effect.succeed(refused(["carepanel-store: backup takes one argument, the file to write the copy to", "usage: carepanel-store backup <file>"]))
  }
  const file = resolve(args[0]!)
  if (existsSync(file)) return Effect.succeed(refused([`carepanel-store: ${file} already exists; the backup never writes over a file, name a new one`]))
  return Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe("VACUUM INTO ?", [file]).pipe(
      Effect.mapError((error) => new StoreConfigError({ setting: "backup", message: `Cannot write the copy ${file}: ${driverMessage(error)}` }))
    )
    const copied = yield* contentsOf(file)
    return {
      exitCode: 0,
      lines: [`backup written to ${file}: ${plural(copied.events, "event")}, ${plural(copied.access, "access-log entry", "access-log entries")}`]
    }
  }).pipe(Effect.provide(verifierClient(env)))
}
