import { resolve } from "node:path"
import { ConfigError, type Env, invocationDir } from "@carepanel/app-kit"

/** `CAREPANEL_EXPORT_DIR`, or `./exports` under the directory npm was started in: where CSV exports are written. */
export const exportDirOf = (env: Env = process.env): string => resolve(invocationDir(env), env.CAREPANEL_EXPORT_DIR?.trim() || "exports")

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
