import { Effect } from "effect"
import { SmtpConfigError, type SmtpSettings, smtpSettingsFromEnv } from "./SmtpConfig.js"
import { smtpFailure } from "./smtpFailure.js"
import { transportOf } from "./transport.js"

const refusedLogin = (cause: unknown) => cause instanceof Error && ["EAUTH", "ENOAUTH"].includes((cause as { code?: string }).code ?? "")

/** The setting to fix: the credentials' own variables when the login was refused, else where the server came from. */
const settingOf = (cause: unknown, smtp: SmtpSettings) =>
  refusedLogin(cause) && smtp.setting === "SMTP_HOST" ? "SMTP_USER/SMTP_PASS" : smtp.setting

/**
 * Connects to the SMTP server, upgrades to TLS and logs in as the notifier will (nodemailer's `verify`), then hangs
 * up: run it when the app starts, so a refusing server is found then and not at the first delivery. Fails with one
 * line naming the setting to fix (SMTP_URL, SMTP_HOST, SMTP_USER/SMTP_PASS), never a stack trace or a password.
 */
export const checkSmtpServer = (smtp: SmtpSettings): Effect.Effect<void, SmtpConfigError> =>
  Effect.acquireUseRelease(
    Effect.sync(() => transportOf(smtp)),
    (transport) =>
      Effect.tryPromise({
        try: () => transport.verify(),
        catch: (cause) =>
          new SmtpConfigError({ setting: settingOf(cause, smtp), message: `Email cannot be sent: ${smtpFailure(cause, smtp).message}` })
      }),
    (transport) => Effect.sync(() => transport.close())
  )

/** Decodes the SMTP_* variables (process.env unless given) and checks the server they name. */
export const checkSmtpFromEnv = (env?: Readonly<Record<string, string | undefined>>): Effect.Effect<void, SmtpConfigError> =>
  Effect.flatMap(smtpSettingsFromEnv(env), checkSmtpServer)
