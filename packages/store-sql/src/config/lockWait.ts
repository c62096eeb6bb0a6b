import { Effect } from "effect"
import { plainNumberOf } from "./plainNumber.js"
import { StoreConfigError } from "./StoreConfigError.js"

export const lockWaitSetting = "CAREPANEL_SQLITE_LOCK_WAIT_MS"
export const defaultLockWaitMs = 10_000
const longestLockWaitMs = 600_000

/**
 * How long a SQLite write waits for another process's write lock: the option if given, else
 * `CAREPANEL_SQLITE_LOCK_WAIT_MS`, else 10 s (as long as SQLite's busy_timeout was before). A whole number of milliseconds from 0 to 600 000, in plain digits.
 */
export const resolveLockWait = (
  option: number | undefined,
  env: Readonly<Record<string, string | undefined>>
): Effect.Effect<number, StoreConfigError> => {
  const fromEnv = env[lockWaitSetting]?.trim()
  const [setting, value] = option !== undefined ? ["lockWaitMs", option] : fromEnv ? [lockWaitSetting, plainNumberOf(fromEnv)] : [lockWaitSetting, defaultLockWaitMs]
  return Number.isInteger(value) && value >= 0 && value <= longestLockWaitMs
    ? Effect.succeed(value)
    : Effect.fail(
        new StoreConfigError({
          setting,
          message: `${setting} must be a whole number of milliseconds from 0 to ${longestLockWaitMs}, not "${fromEnv !== undefined && option === undefined ? fromEnv : option}"`
        })
      )
}
