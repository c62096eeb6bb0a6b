import { accessSync, constants, mkdirSync, statSync } from "node:fs"
import { join, resolve } from "node:path"
import { Effect } from "effect"
import { StoreConfigError } from "./StoreConfigError.js"

export interface SqliteLocation {
  /** Directory holding the database file; default `$CAREPANEL_DATA_DIR`, else `./data` under the working directory. */
  readonly dataDir?: string
  /** The setting `dataDir` came from, named when it cannot be written in (an app's `CAREPANEL_DATA_DIR`); `dataDir` unless given. */
  readonly dataDirSetting?: string
  /** File name inside the data directory; default `carepanel.sqlite`. */
  readonly filename?: string
}

const unwritable = (setting: string, dir: string, reason: string) =>
  new StoreConfigError({ setting: setting.split(" ")[0] ?? setting, message: `${setting} ${dir} is not a writable directory: ${reason}` })

/**
 * `dir`, created if need be, or a `StoreConfigError` naming `setting` if it is not a directory this process can write
 * in. Apps check theirs with it for what they keep there beside the store (development keys).
 */
export const writableDataDirectory = (dir: string, setting: string): string => {
  try {
    mkdirSync(dir, { recursive: true })
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error("it is a file"), { code: "ENOTDIR" })
    accessSync(dir, constants.W_OK)
    return dir
  } catch (cause) {
    throw unwritable(setting, dir, describe(cause))
  }
}

const dataDirSettingOf = (env: Readonly<Record<string, string | undefined>>) =>
  env.CAREPANEL_DATA_DIR?.trim() ? "CAREPANEL_DATA_DIR" : "CAREPANEL_DATA_DIR (unset, so the default)"

/**
 * Resolves the SQLite file path, creating the data directory if needed, and checks that the directory can
 * be written (SQLite needs to create its -wal and -shm files beside the database).
 */
export const resolveSqliteFile = (
  location: SqliteLocation,
  env: Readonly<Record<string, string | undefined>> = process.env
): Effect.Effect<{ readonly filename: string; readonly setting: string }, StoreConfigError> =>
  Effect.try({
    try: () => {
      const setting = location.dataDir !== undefined ? (location.dataDirSetting ?? "dataDir") : dataDirSettingOf(env)
      const dir = writableDataDirectory(resolve(location.dataDir ?? (env.CAREPANEL_DATA_DIR?.trim() || "data")), setting)
      return { filename: join(dir, location.filename ?? "carepanel.sqlite"), setting }
    },
    catch: (error) =>
      error instanceof StoreConfigError ? error : unwritable("CAREPANEL_DATA_DIR", String(location.dataDir), describe(error))
  })

const describe = (cause: unknown): string => {
  const code = (cause as { code?: unknown } | undefined)?.code
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied"
    case "ENOTDIR":
      return "a part of the path is a file, not a directory"
    case "EROFS":
      return "the file system is read-only"
    case "EEXIST":
      return "a file with that name exists"
    default:
      return cause instanceof Error ? cause.message : String(cause)
  }
}
