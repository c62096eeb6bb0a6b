import { resolve } from "node:path"

export type Env = Readonly<Record<string, string | undefined>>

/** A setting that cannot be used. `setting` names the environment variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string
  ) {
    super(`${setting}: ${message}`)
    this.name = "ConfigError"
  }
}

/** Where npm was started (so `npm start`, `npm run tui` and `npm run webhooks` agree on `./data`), else the working directory. */
export const invocationDir = (env: Env = process.env): string => env.INIT_CWD ?? process.cwd()

/** `CAREPANEL_DATA_DIR`, or `./data` under the directory npm was started in. */
export const dataDirOf = (env: Env = process.env): string =>
  resolve(invocationDir(env), env.CAREPANEL_DATA_DIR?.trim() || "data")

export const isProduction = (env: Env = process.env): boolean => env.NODE_ENV === "production"

/** Plain decimal digits: `Number()` would also read `+28`, `28.0`, `1e3` and `0x1c`, so a typo could start the app on a value nobody meant. */
const wholeNumberText = /^\d+$/

/** A whole number setting within bounds, written in plain digits (surrounding spaces aside), or its default when unset. */
export const intSetting = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === "") return fallback
  const value = wholeNumberText.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`)
  }
  return value
}

/** An on/off setting, or its default when unset. */
export const onOff = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === "") return fallback
  if (raw === "on" || raw === "off") return raw === "on"
  throw new ConfigError(name, 'must be "on" or "off"')
}
