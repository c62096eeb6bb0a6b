import { resolve } from "node:path"

export type Env = Readonly<Record<string, string | undefined>>

/** A setting that cannot be used. `setting` names the environment variable or file to fix. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string
  ) {
    super(`${setting}: ${message}`)
    this.name = "ConfigError"
  }
}

/** Where npm was started (so `npm run tui` and the API's `npm start` agree on `./data`), else the working directory. */
export const invocationDir = (env: Env = process.env): string => env.INIT_CWD ?? process.cwd()

/** `CAREPANEL_DATA_DIR`, or `./data` under the directory npm was started in: the API's default store. */
export const dataDirOf = (env: Env = process.env): string => resolve(invocationDir(env), env.CAREPANEL_DATA_DIR?.trim() || "data")

/** `CAREPANEL_EXPORT_DIR`, or `./exports` under the directory npm was started in: where CSV exports are written. */
export const exportDirOf = (env: Env = process.env): string => resolve(invocationDir(env), env.CAREPANEL_EXPORT_DIR?.trim() || "exports")

/** An on/off setting, or its default when unset. */
export const onOff = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === "") return fallback
  if (raw === "on" || raw === "off") return raw === "on"
  throw new ConfigError(name, 'must be "on" or "off"')
}

/**
 * `CAREPANEL_NOW`: outside production, the domain's clock starts at this ISO instant and runs on (rehearsing a
 * sitting, training, the end-to-end test). Unset: the real clock.
 */
export const startingInstantOf = (env: Env): Date | undefined => {
  const raw = env.CAREPANEL_NOW?.trim()
  if (raw === undefined || raw === "") return undefined
  if (env.NODE_ENV === "production") throw new ConfigError("CAREPANEL_NOW", "cannot be set in production: the domain runs on the real clock there")
  const instant = new Date(raw)
  if (Number.isNaN(instant.getTime())) throw new ConfigError("CAREPANEL_NOW", `"${raw}" is not an ISO instant such as 2027-06-02T09:10:00Z`)
  return instant
}
