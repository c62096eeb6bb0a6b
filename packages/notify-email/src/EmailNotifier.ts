import { type Notification, Notifier, type OwnRules } from "@carepanel/core"
import { Effect, Layer, type Scope } from "effect"
import { type RecipientDirectory, resolveAddresses } from "./RecipientDirectory.js"
import type { Renderers } from "./render/Renderer.js"
import { renderEmail } from "./render/renderEmail.js"
import { type SmtpConfigError, type SmtpSettings, smtpSettingsFromEnv } from "./SmtpConfig.js"
import { checkSmtpServer } from "./smtpCheck.js"
import { partlyRefused, smtpFailure } from "./smtpFailure.js"
import { transportOf } from "./transport.js"

export interface EmailNotifierOptions {
  readonly smtp: SmtpSettings
  /** Finds the addresses of role holders, and of people whose notification carries no address. */
  readonly directory: RecipientDirectory
  /** Body renderers by notification kind; other kinds get the default renderer. */
  readonly renderers?: Renderers
  /**
   * The own rules of an authority's policy (`ownRules`), so an email's Rules line gives an own rule (`BRK-4`) with its
   * source and words, as it is cited in the body; without it such a rule is listed by its id alone, and only where the
   * notification's facts or act-by clock name it.
   */
  readonly ownRulesOf?: (authorityId: string) => OwnRules | undefined
}

const atext = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/

/** `<id@domain>`, the same for every attempt at one notification, so a duplicate is easy to spot. */
export const messageIdOf = (notificationId: string, domain: string): string =>
  `<${atext.test(notificationId) ? notificationId : `b64.${Buffer.from(notificationId).toString("base64url")}`}@${domain}>`

/** A Notifier that emails each notification, one message to all its recipients, over SMTP. */
export const makeEmailNotifier = (options: EmailNotifierOptions): Effect.Effect<Notifier["Type"], never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => transportOf(options.smtp)),
      (transport) => Effect.sync(() => transport.close())
    ),
    (transport) =>
      Notifier.of({
        deliver: (notification: Notification) =>
          Effect.gen(function* () {
            const to = yield* resolveAddresses(notification, options.directory)
            const email = renderEmail(notification, options.renderers, { ownRules: options.ownRulesOf?.(notification.authorityId) })
            const sent = yield* Effect.tryPromise({
              try: (signal) =>
                transport.sendMail({
                  from: options.smtp.from,
                  to: [...to],
                  subject: email.subject,
                  text: email.text,
                  html: email.html,
                  messageId: messageIdOf(notification.id, options.smtp.fromDomain),
                  headers: {
                    "X-Carepanel-Notification-Id": notification.id,
                    "X-Carepanel-Kind": notification.kind,
                    "Auto-Submitted": "auto-generated"
                  },
                  signal
                }),
              catch: (error) => smtpFailure(error, options.smtp)
            })
            if (sent.rejected.length > 0) return yield* Effect.fail(partlyRefused(sent, options.smtp))
          })
      })
  )

/** The email Notifier from settings you decoded yourself. */
export const EmailNotifierLive = (options: EmailNotifierOptions): Layer.Layer<Notifier> =>
  Layer.scoped(Notifier, makeEmailNotifier(options))

/**
 * The email Notifier from the SMTP_* environment variables (process.env unless given). With `verifyOnStart`, the
 * layer also connects and logs in once (`checkSmtpServer`) and fails with the setting to fix if the server refuses.
 */
export const EmailNotifierFromEnv = (
  options: Omit<EmailNotifierOptions, "smtp"> & {
    readonly env?: Readonly<Record<string, string | undefined>>
    readonly verifyOnStart?: boolean
  }
): Layer.Layer<Notifier, SmtpConfigError> =>
  Layer.scoped(
    Notifier,
    Effect.flatMap(smtpSettingsFromEnv(options.env), (smtp) =>
      Effect.zipRight(options.verifyOnStart === true ? checkSmtpServer(smtp) : Effect.void, makeEmailNotifier({ ...options, smtp }))
    )
  )
