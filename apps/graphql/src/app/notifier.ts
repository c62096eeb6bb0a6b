import type { Notifier } from "@carepanel/core"
import { EmailNotifierFromEnv, type StaticDirectoryEntries, staticDirectory } from "@carepanel/notify-email"
import { Layer } from "effect"
import { ConfigError, type Env } from "./env.js"
import { LogNotifier } from "./logNotifier.js"

const directoryOf = (env: Env): StaticDirectoryEntries => {
  const raw = env.CAREPANEL_EMAIL_DIRECTORY?.trim()
  if (raw === undefined || raw === "") return {}
  try {
    return JSON.parse(raw) as StaticDirectoryEntries
  } catch {
    throw new ConfigError("CAREPANEL_EMAIL_DIRECTORY", "is not valid JSON ({ \"<authorityId>\": { \"roles\": { \"panel_administrator\": [\"...\"] } } })")
  }
}

/**
 * SMTP when SMTP_URL or SMTP_HOST is set (addresses from CAREPANEL_EMAIL_DIRECTORY), otherwise one log line each.
 * The SMTP server is asked to log us in at start, so a wrong password stops the server rather than the first email.
 */
export const notifierFromEnv = (env: Env, log: (line: string) => void): Layer.Layer<Notifier, ConfigError> => {
  if (!notifierIsEmail(env)) return LogNotifier(log)
  return EmailNotifierFromEnv({ env, directory: staticDirectory(directoryOf(env)), verifyOnStart: true }).pipe(
    Layer.mapError((error) => new ConfigError(error.setting, error.message))
  )
}

export const notifierIsEmail = (env: Env): boolean => Boolean(env.SMTP_URL?.trim() || env.SMTP_HOST?.trim())

