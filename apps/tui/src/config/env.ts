import { resolve } from "node:path"
import { ConfigError, type Env, intSetting, invocationDir, onOff } from "@carepanel/app-kit"
import { defaultInboxDays } from "../core/inbox.js"

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

/**
 * `CAREPANEL_DISPATCHER`: whether this terminal sends the outbox's email. Only where SMTP is set up, and then unless
 * "off": a terminal without SMTP that took entries off the shared outbox would send other people's emails nowhere
 * (the inbox does not need it: it reads the operator's notifications from the store), so "on" without SMTP is refused.
 */
export const sendsEmail = (env: Env, smtpSetUp: boolean): boolean => {
  const asked = onOff(env, "CAREPANEL_DISPATCHER", smtpSetUp)
  if (asked && !smtpSetUp) {
    throw new ConfigError(
      "CAREPANEL_DISPATCHER",
      'is "on", but this terminal has no SMTP set up (SMTP_URL or SMTP_HOST): it would take emails off the outbox and send them nowhere. Set up SMTP here, or leave the email to the API.'
    )
  }
  return asked
}

/** `CAREPANEL_INBOX_DAYS`: how many days back the inbox reaches when the terminal opens, 1 to 90 (14 unless set). */
export const inboxDaysOf = (env: Env): number => intSetting(env, "CAREPANEL_INBOX_DAYS", defaultInboxDays, 1, 90)
