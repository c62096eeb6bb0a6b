import { type ConfigError, type Env, emailIsConfigured, emailNotifierFromEnv } from "@carepanel/app-kit"
import type { AuthorityPolicy, Notifier } from "@carepanel/core"
import type { Layer } from "effect"
import { LogNotifier } from "./logNotifier.js"

/** Email where SMTP is configured (citing the own rules of `policies`, the ones the app loaded), otherwise one log line each. */
export const notifierFromEnv = (env: Env, policies: ReadonlyArray<AuthorityPolicy>, log: (line: string) => void): Layer.Layer<Notifier, ConfigError> =>
  emailNotifierFromEnv(env, policies) ?? LogNotifier(log)

/**
 * The line the start prints when no SMTP server is set up, so that nobody runs a council's API believing it emails:
 * the log notifier marks each notification sent, so setting SMTP up later does not email those already logged.
 */
export const emailOffNotice = (env: Env): string | undefined =>
  emailIsConfigured(env)
    ? undefined
    : "Email is off (neither SMTP_URL nor SMTP_HOST is set): each notification is written to this log as a JSON line and counted as sent, so setting up SMTP later does not email it."
