import type { Notifier } from "@carepanel/core"
import { EmailNotifierFromEnv, type StaticDirectoryEntries, staticDirectory } from "@carepanel/notify-email"
import { Layer } from "effect"
import { ConfigError, type Env } from "./env.js"

const directoryOf = (env: Env): StaticDirectoryEntries => {
  const raw = env.CAREPANEL_EMAIL_DIRECTORY?.trim()
  if (raw === undefined || raw === "") return {}
  try {
    return JSON.parse(raw) as StaticDirectoryEntries
  } catch {
    throw new ConfigError("CAREPANEL_EMAIL_DIRECTORY", "is not valid JSON")
  }
}

/** Email beside the terminal inbox where SMTP is configured (SMTP_URL or SMTP_HOST, as for the API); none otherwise. */
export const emailFromEnv = (env: Env): Layer.Layer<Notifier, ConfigError> | undefined =>
  env.SMTP_URL?.trim() || env.SMTP_HOST?.trim()
    ? EmailNotifierFromEnv({ env, directory: staticDirectory(directoryOf(env)), verifyOnStart: true }).pipe(
        Layer.mapError((error) => new ConfigError(error.setting, error.message))
      )
    : undefined
