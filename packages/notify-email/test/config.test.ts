import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { smtpSettingsFromEnv } from "../src/SmtpConfig.js"

const decode = (env: Record<string, string>) => Effect.runSync(Effect.either(smtpSettingsFromEnv(env)))
const failure = (env: Record<string, string>) => {
  const result = decode(env)
  if (result._tag === "Right") throw new Error("expected a config error")
  return result.left
}
const FROM = "Carepanel <panels@north-somerset.example.gov.uk>"

describe("SMTP settings", () => {
  it("reads SMTP_URL with credentials, port and scheme", () => {
    const result = decode({ SMTP_URL: "smtp://mailer:p%40ss@mail.example.gov.uk:2525", SMTP_FROM: FROM })
    expect(result._tag).toBe("Right")
    if (result._tag !== "Right") return
    const { auth, ...rest } = result.right
    expect(rest).toEqual({
      setting: "SMTP_URL",
      host: "mail.example.gov.uk",
      port: 2525,
      secure: false,
      from: FROM,
      fromDomain: "north-somerset.example.gov.uk",
      requireTls: false,
      rejectUnauthorized: true,
      timeoutMs: 30_000
    })
    expect(auth?.user).toBe("mailer")
    expect(auth && Redacted.value(auth.pass)).toBe("p@ss")
    expect(String(auth?.pass)).not.toContain("p@ss")
  })

  it("defaults the port by scheme and reads the separate fields and TLS flags", () => {
    const smtps = decode({ SMTP_URL: "smtps://mail.example.gov.uk", SMTP_FROM: "panels@example.gov.uk" })
    expect(smtps._tag === "Right" && [smtps.right.port, smtps.right.secure, smtps.right.auth]).toEqual([465, true, undefined])
    const fields = decode({
      SMTP_HOST: "mail.example.gov.uk",
      SMTP_USER: "mailer",
      SMTP_PASS: "secret",
      SMTP_FROM: FROM,
      SMTP_REQUIRE_TLS: "true",
      SMTP_TLS_REJECT_UNAUTHORIZED: "false",
      SMTP_URL: ""
    })
    expect(fields._tag === "Right" && fields.right).toMatchObject({
      setting: "SMTP_HOST",
      port: 587,
      requireTls: true,
      rejectUnauthorized: false
    })
  })

  it("names SMTP_URL when it is malformed, without repeating the password", () => {
    for (const SMTP_URL of ["smtp//mailer:hunter2@host", "http://mailer:hunter2@host", "smtp://mailer:hunter2@host:99999"]) {
      const error = failure({ SMTP_URL, SMTP_FROM: FROM })
      expect(error.setting).toBe("SMTP_URL")
      expect(error.message).toMatch(/^Email settings are not usable: SMTP_URL .*smtp:\/\/user:password@host:587/)
      expect(error.message).not.toContain("hunter2")
    }
  })

  it("names each missing or malformed setting", () => {
    expect(failure({ SMTP_FROM: FROM }).message).toContain("SMTP_URL is not set: set SMTP_URL")
    expect(failure({ SMTP_URL: "smtp://host" })).toMatchObject({ setting: "SMTP_FROM", message: expect.stringContaining("SMTP_FROM is missing") })
    expect(failure({ SMTP_URL: "smtp://host", SMTP_FROM: "not an address" }).message).toContain("SMTP_FROM must be an email address")
    const several = failure({ SMTP_HOST: "host", SMTP_PORT: "x", SMTP_SECURE: "yes", SMTP_FROM: FROM })
    expect(several.message).toBe(
      'Email settings are not usable: SMTP_PORT must be a port number from 1 to 65535; SMTP_SECURE must be "true" or "false".'
    )
  })
})
