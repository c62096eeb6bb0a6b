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

/** An on/off setting, or its default when unset. */
export const onOff = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === "") return fallback
  if (raw === "on" || raw === "off") return raw === "on"
  throw new ConfigError(name, 'must be "on" or "off"')
}
