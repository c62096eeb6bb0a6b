import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { EmailNotifierFromEnv } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { checkSmtpFromEnv } from "../src/smtpCheck.js"
import { closedPort, PASSWORD, smtpServer, USER } from "../src/testing/smtpServer.js"

const FROM = "Carepanel <panels@north-somerset.example.gov.uk>"
const check = (env: Record<string, string>) => checkSmtpFromEnv({ SMTP_FROM: FROM, SMTP_TIMEOUT_MS: "5000", ...env })

describe("checking the SMTP server when the app starts", () => {
  it.scopedLive("passes when the server greets and takes the user name and password", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      yield* check({ SMTP_URL: server.url })
      yield* check({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: USER, SMTP_PASS: PASSWORD })
      expect(server.received).toEqual([])
    }))

  it.scopedLive("names SMTP_URL, or SMTP_USER/SMTP_PASS, in one line when the server refuses the password", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const viaUrl = yield* Effect.flip(check({ SMTP_URL: server.url.replace(encodeURIComponent(PASSWORD), "wrong") }))
      expect(viaUrl).toMatchObject({
        _tag: "SmtpConfigError",
        setting: "SMTP_URL",
        message: `Email cannot be sent: The SMTP server at SMTP_URL 127.0.0.1:${server.port} refused the user name and password from SMTP_URL: 535 Invalid username or password`
      })
      const viaFields = yield* Effect.flip(check({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: USER, SMTP_PASS: "wrong" }))
      expect(viaFields.setting).toBe("SMTP_USER/SMTP_PASS")
      expect(viaFields.message).toContain("refused the user name and password from SMTP_USER/SMTP_PASS")
      for (const error of [viaUrl, viaFields]) {
        expect(error.message).not.toMatch(/\n|\bat .*:\d+:\d+|wrong/)
      }
    }))

  it.scopedLive("names SMTP_HOST in one line when nothing listens on the port", () =>
    Effect.gen(function* () {
      const port = yield* closedPort
      const error = yield* Effect.flip(check({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }))
      expect(error).toMatchObject({
        setting: "SMTP_HOST",
        message: `Email cannot be sent: Cannot reach the SMTP server at SMTP_HOST 127.0.0.1:${port} (connection refused). Check the setting and that the server is running.`
      })
    }))

  it.scopedLive("fails the notifier's layer with that message when asked to verify on start, and builds it otherwise", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const directory = staticDirectory({})
      const layer = (SMTP_URL: string, verifyOnStart: boolean) =>
        EmailNotifierFromEnv({ env: { SMTP_URL, SMTP_FROM: FROM, SMTP_TIMEOUT_MS: "5000" }, directory, verifyOnStart })
      const refused = yield* Effect.flip(Layer.build(layer(server.url.replace(encodeURIComponent(PASSWORD), "wrong"), true)))
      expect(refused).toMatchObject({ _tag: "SmtpConfigError", setting: "SMTP_URL", message: expect.stringContaining("535 Invalid username or password") })
      yield* Layer.build(layer(server.url, true))
      // Without the check, a refusing server is only found at the first delivery.
      yield* Layer.build(layer(server.url.replace(encodeURIComponent(PASSWORD), "wrong"), false))
    }))
})
