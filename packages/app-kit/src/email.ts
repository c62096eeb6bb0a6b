import type { AuthorityPolicy, Notifier } from "@carepanel/core"
import { EmailNotifierFromEnv, type StaticDirectoryEntries, staticDirectory } from "@carepanel/notify-email"
import { Layer } from "effect"
import { ConfigError, type Env } from "./env.js"

const directoryOf = (env: Env): StaticDirectoryEntries => {
  const raw = env.CAREPANEL_EMAIL_DIRECTORY?.trim()
  if (raw === undefined || raw === "") return {}
  try {
    return JSON.parse(raw) as StaticDirectoryEntries
  } catch {
    throw new ConfigError("CAREPANEL_EMAIL_DIRECTORY", 'is not valid JSON ({ "<authorityId>": { "roles": { "panel_administrator": ["..."] } } })')
  }
}

export const emailIsConfigured = (env: Env): boolean => Boolean(env.SMTP_URL?.trim() || env.SMTP_HOST?.trim())

/** Each authority's own rules, from the policies the app loaded: what an email's Rules line cites with their words. */
const ownRulesOf = (policies: ReadonlyArray<AuthorityPolicy>) => {
  const byAuthority = new Map(policies.map((policy) => [policy.authority.id as string, policy.ownRules]))
  return (authorityId: string) => byAuthority.get(authorityId)
}

/**
 * Email where SMTP_URL or SMTP_HOST is set (addresses from CAREPANEL_EMAIL_DIRECTORY); undefined otherwise. The SMTP
 * server is asked to log us in at start, so a wrong password stops the app rather than its first email. `policies`:
 * the ones the app loaded, whose own rules (`ownRules`) the emails cite with their words.
 */
export const emailNotifierFromEnv = (env: Env, policies: ReadonlyArray<AuthorityPolicy>): Layer.Layer<Notifier, ConfigError> | undefined =>
  emailIsConfigured(env)
    ? EmailNotifierFromEnv({ env, directory: staticDirectory(directoryOf(env)), verifyOnStart: true, ownRulesOf: ownRulesOf(policies) }).pipe(
        Layer.mapError((error) => new ConfigError(error.setting, error.message))
      )
    : undefined
