import { type Notification, Notifier } from "@carepanel/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { EmailNotifierFromEnv } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { CHILD, notification } from "./fixtures.js"
import { closedPort, PASSWORD, smtpServer } from "../src/testing/smtpServer.js"

const FROM = "Carepanel <panels@north-somerset.example.gov.uk>"
const directory = staticDirectory({ "north-somerset": { roles: { panel_administrator: ["panels@example.gov.uk"] } } })

/** Delivers through the email notifier configured with these SMTP_* variables; the failure, if any. */
const deliver = (env: Record<string, string>, n: Notification = notification()) =>
  Effect.flatMap(Notifier, (notifier) => notifier.deliver(n)).pipe(
    Effect.provide(Layer.orDie(EmailNotifierFromEnv({ env: { SMTP_FROM: FROM, SMTP_TIMEOUT_MS: "5000", ...env }, directory }))),
    Effect.flip
  )

describe("email notifier against a real SMTP server", () => {
  it.scopedLive("sends a text and HTML message with its headers to every recipient, logged in", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const notifier = yield* Effect.provide(Notifier, EmailNotifierFromEnv({ env: { SMTP_URL: server.url, SMTP_FROM: FROM }, directory }))
      yield* notifier.deliver(notification())
      expect(server.received).toHaveLength(1)
      const [{ envelope, user, mail }] = server.received as [(typeof server.received)[number]]
      expect(user).toBe("carepanel")
      expect(envelope).toEqual({
        from: "panels@north-somerset.example.gov.uk",
        to: ["priya@example.gov.uk", "panels@example.gov.uk"]
      })
      expect(mail.from?.text).toBe('"Carepanel" <panels@north-somerset.example.gov.uk>')
      expect(mail.subject).toBe("[Carepanel] Panel request for child wx-child-42 (an edge-of-care resource) is waiting for the team manager's approval (NSO-2)")
      // Core's ids hold colons, which a Message-ID may not: they travel base64url-encoded, the same on every attempt.
      const id = notification().id
      expect(mail.messageId).toBe(`<b64.${Buffer.from(id).toString("base64url")}@north-somerset.example.gov.uk>`)
      expect(mail.headers.get("x-carepanel-notification-id")).toBe(id)
      expect(mail.headers.get("x-carepanel-kind")).toBe("referral.awaiting_approval")
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated")
      expect(mail.text).toContain("Panel request ref_42 was submitted and is waiting for the team manager's approval.")
      expect(mail.text).toContain("Act by 12:00 Fri 4 Jun 2027 (rule NSO-3).")
      expect(mail.html).toContain("<strong>Act by 12:00 Fri 4 Jun 2027 (rule NSO-3).</strong>")
    }))

  it.scopedLive("never puts the child's name in the subject, and repeats the Message-ID for a resend", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const notifier = yield* Effect.provide(Notifier, EmailNotifierFromEnv({ env: { SMTP_URL: server.url, SMTP_FROM: FROM }, directory }))
      const n = notification({ id: "sitting 7/agenda", kind: "sitting.agenda_published", body: [`${CHILD} is on the agenda.`] })
      yield* notifier.deliver(n)
      yield* notifier.deliver(n)
      const [first, second] = server.received
      expect(first?.mail.text).toContain(CHILD)
      expect(first?.mail.subject).not.toContain(CHILD)
      expect(first?.mail.subject).not.toContain("Robin")
      expect(first?.mail.messageId).toMatch(/^<b64\.[A-Za-z0-9_-]+@north-somerset\.example\.gov\.uk>$/)
      expect(second?.mail.messageId).toBe(first?.mail.messageId)
      expect(second?.mail.headers.get("x-carepanel-notification-id")).toBe("sitting 7/agenda")
    }))

  it.scopedLive("fails permanently, naming the addresses, when the server refuses recipients", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer({
        onRcptTo: (address, _session, callback) =>
          address.address.startsWith("priya")
            ? callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }))
            : callback()
      })
      const where = `SMTP_URL 127.0.0.1:${server.port}`
      const none = yield* deliver({ SMTP_URL: server.url }, notification({ recipients: [notification().recipients[0]!] }))
      expect(none).toMatchObject({
        permanent: true,
        message: `The SMTP server at ${where} refused the recipient priya@example.gov.uk: 550 5.1.1 No such mailbox`
      })
      const some = yield* deliver({ SMTP_URL: server.url })
      expect(some).toMatchObject({
        permanent: true,
        message: `Sent to panels@example.gov.uk, but the SMTP server at ${where} refused priya@example.gov.uk: 550 5.1.1 No such mailbox`
      })
      expect(server.received.map((r) => r.envelope.to)).toEqual([["panels@example.gov.uk"]])
    }))

  it.scopedLive("fails retryably naming SMTP_URL when the server refuses the password, with no stack trace", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const failure = yield* deliver({ SMTP_URL: server.url.replace(encodeURIComponent(PASSWORD), "wrong") })
      expect(failure.permanent).toBeUndefined()
      expect(failure.message).toBe(
        `The SMTP server at SMTP_URL 127.0.0.1:${server.port} refused the user name and password from SMTP_URL: 535 Invalid username or password`
      )
      expect(failure.message).not.toMatch(/\n|\bat .*\.js/)
    }))

  it.scopedLive("fails retryably, pointing at the TLS settings, when SMTP_REQUIRE_TLS meets a server without STARTTLS", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const failure = yield* deliver({ SMTP_URL: server.url, SMTP_REQUIRE_TLS: "true" })
      expect(failure.permanent).toBeUndefined()
      expect(failure.message).toMatch(/^TLS with the SMTP server at SMTP_URL 127\.0\.0\.1:\d+ failed \(.+\)\. Check smtps:\/\//)
      expect(server.received).toHaveLength(0)
    }))

  it.scopedLive("says it cannot reach a server that is not there, naming the setting", () =>
    Effect.gen(function* () {
      const port = yield* closedPort
      const viaUrl = yield* deliver({ SMTP_URL: `smtp://127.0.0.1:${port}` })
      expect(viaUrl.message).toBe(
        `Cannot reach the SMTP server at SMTP_URL 127.0.0.1:${port} (connection refused). Check the setting and that the server is running.`
      )
      expect(viaUrl.permanent).toBeUndefined()
      const viaHost = yield* deliver({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) })
      expect(viaHost.message).toContain(`Cannot reach the SMTP server at SMTP_HOST 127.0.0.1:${port} (connection refused)`)
    }))

  it.scopedLive("sends nothing when a recipient cannot be resolved", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const failure = yield* deliver(
        { SMTP_URL: server.url },
        notification({ recipients: [{ _tag: "RoleHolder", role: "assistant_director" }] })
      )
      expect(failure).toMatchObject({ permanent: true, message: expect.stringContaining("Assistant Director") })
      expect(server.received).toHaveLength(0)
    }))

  it.effect("fails to build, naming SMTP_URL, when it is malformed", () =>
    Effect.gen(function* () {
      const error = yield* Layer.build(EmailNotifierFromEnv({ env: { SMTP_URL: "smtp//oops", SMTP_FROM: FROM }, directory })).pipe(
        Effect.scoped,
        Effect.flip
      )
      expect(error).toMatchObject({ _tag: "SmtpConfigError", setting: "SMTP_URL" })
      expect(error.message).toContain("SMTP_URL is not a valid URL")
    }))
})
