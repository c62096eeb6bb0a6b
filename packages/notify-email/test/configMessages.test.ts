import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { smtpSettingsFromEnv } from "../src/SmtpConfig.js"

// What an IT team sees for each SMTP setting: the value used, or the variable to fix and why.

const decode = (env: Record<string, string | undefined>) => Effect.runSync(Effect.either(smtpSettingsFromEnv(env)))
const settings = (env: Record<string, string | undefined>) => {
  const result = decode(env)
  if (result._tag === "Left") throw new Error(result.left.message)
  return result.right
}
const FROM = "panels@north-somerset.example.gov.uk"
const shape = "it must look like smtp://user:password@host:587 or smtps://user:password@host:465"

describe("given SMTP_URL", () => {
  it("when the host is an IPv6 address then it is used without brackets; smtp:// defaults to port 587 and STARTTLS", () => {
    expect(settings({ SMTP_URL: "smtp://[2001:db8::25]", SMTP_FROM: FROM })).toMatchObject({ host: "2001:db8::25", port: 587, secure: false })
  })

  it("when it is smtps:// with a port then implicit TLS is used on that port", () => {
    expect(settings({ SMTP_URL: "smtps://mail.example.gov.uk:2465", SMTP_FROM: FROM })).toMatchObject({ port: 2465, secure: true })
  })

  it("when it has neither user name nor password then no login is attempted", () => {
    expect(settings({ SMTP_URL: "smtp://mail.example.gov.uk", SMTP_FROM: FROM }).auth).toBeUndefined()
  })

  it("when it has a user name without a password, or the reverse, then SMTP_URL is named, never the password", () => {
    for (const [SMTP_URL, why] of [
      ["smtp://mailer@mail.example.gov.uk", "has a user name without a password"],
      ["smtp://:hunter2@mail.example.gov.uk", "has a password without a user name"]
    ] as const) {
      const result = decode({ SMTP_URL, SMTP_FROM: FROM })
      expect(result).toMatchObject({
        left: { setting: "SMTP_URL", message: `Email settings are not usable: SMTP_URL ${why}: give both or neither (${shape}).` }
      })
      expect(JSON.stringify(result)).not.toContain("hunter2")
    }
  })

  it("when SMTP_USER or SMTP_PASS is set beside it then that field is named, since SMTP_URL would ignore it", () => {
    for (const extra of ["SMTP_USER", "SMTP_PASS"]) {
      expect(decode({ SMTP_URL: "smtp://mail.example.gov.uk", [extra]: "mailer", SMTP_FROM: FROM })).toMatchObject({
        left: {
          setting: extra,
          message: `Email settings are not usable: ${extra} is set beside SMTP_URL, which would ignore it: put the login in SMTP_URL or set SMTP_HOST instead.`
        }
      })
    }
  })

  it("when it has no host, a badly escaped password or another scheme then SMTP_URL is named with what is wrong, never the password", () => {
    for (const [SMTP_URL, why] of [
      ["smtp://", "has no host"],
      ["smtp://mailer:hunter2%E0%A4%A@mail.example.gov.uk", "has a badly escaped user name or password"],
      ["https://mailer:hunter2@mail.example.gov.uk", 'uses the scheme "https"'],
      ["//mailer:hunter2@mail.example.gov.uk", "is not a valid URL"]
    ] as const) {
      const result = decode({ SMTP_URL, SMTP_FROM: FROM })
      expect([SMTP_URL, result]).toMatchObject([
        SMTP_URL,
        { left: { setting: "SMTP_URL", message: `Email settings are not usable: SMTP_URL ${why}: ${shape}.` } }
      ])
      expect(JSON.stringify(result)).not.toContain("hunter2")
    }
  })
})

describe("given SMTP_HOST and the separate fields", () => {
  it("when SMTP_SECURE is true (any case, spaces around) then implicit TLS on port 465 is used", () => {
    expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_SECURE: " TRUE ", SMTP_FROM: FROM })).toMatchObject({ port: 465, secure: true })
    expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_SECURE: "False", SMTP_FROM: FROM })).toMatchObject({ port: 587, secure: false })
  })

  it("when SMTP_PORT is 1 to 65535 then it is used; 0, 65536 or not a whole number names SMTP_PORT", () => {
    for (const port of ["1", "65535", " 2525 "]) {
      expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_PORT: port, SMTP_FROM: FROM }).port).toBe(Number(port))
    }
    for (const port of ["0", "65536", "25.5", "-25", "smtp"]) {
      expect([port, decode({ SMTP_HOST: "mail.example.gov.uk", SMTP_PORT: port, SMTP_FROM: FROM })]).toMatchObject([
        port,
        { left: { setting: "SMTP_PORT", message: "Email settings are not usable: SMTP_PORT must be a port number from 1 to 65535." } }
      ])
    }
  })

  it("when SMTP_USER and SMTP_PASS are both given then they log in; neither sends without a login", () => {
    const both = settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_USER: "mailer", SMTP_PASS: "s3cret", SMTP_FROM: FROM })
    expect([both.auth?.user, both.auth && Redacted.value(both.auth.pass)]).toEqual(["mailer", "s3cret"])
    expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: FROM }).auth).toBeUndefined()
  })

  it("when only one of SMTP_USER and SMTP_PASS is given then the missing one is named, not a silent send without a login", () => {
    const failure = (env: Record<string, string>) => decode({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: FROM, ...env })
    expect(failure({ SMTP_USER: "mailer" })).toMatchObject({
      left: { setting: "SMTP_PASS", message: "Email settings are not usable: SMTP_PASS is not set but SMTP_USER is: set both to log in, or neither." }
    })
    expect(failure({ SMTP_USER: "", SMTP_PASS: "s3cret" })).toMatchObject({
      left: { setting: "SMTP_USER", message: "Email settings are not usable: SMTP_USER is not set but SMTP_PASS is: set both to log in, or neither." }
    })
    expect(JSON.stringify(failure({ SMTP_PASS: "s3cret" }))).not.toContain("s3cret")
  })

  it("when SMTP_HOST is blank then SMTP_HOST is named", () => {
    expect(decode({ SMTP_HOST: "   ", SMTP_FROM: FROM })).toMatchObject({ left: { setting: "SMTP_HOST" } })
  })
})

describe("given the TLS flags and the timeout", () => {
  it("when none is given then TLS is opportunistic, certificates are checked and each step may take 30 seconds", () => {
    expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: FROM })).toMatchObject({
      requireTls: false,
      rejectUnauthorized: true,
      timeoutMs: 30_000
    })
  })

  it("when SMTP_TIMEOUT_MS is 1 to 600000 then it is used; outside that, SMTP_TIMEOUT_MS is named", () => {
    for (const ms of ["1", "600000"]) {
      expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_TIMEOUT_MS: ms, SMTP_FROM: FROM }).timeoutMs).toBe(Number(ms))
    }
    for (const ms of ["0", "600001", "30s"]) {
      expect([ms, decode({ SMTP_HOST: "mail.example.gov.uk", SMTP_TIMEOUT_MS: ms, SMTP_FROM: FROM })]).toMatchObject([
        ms,
        {
          left: {
            setting: "SMTP_TIMEOUT_MS",
            message: "Email settings are not usable: SMTP_TIMEOUT_MS must be a number of milliseconds from 1 to 600000."
          }
        }
      ])
    }
  })

  it("when a flag is neither true nor false then it is named, whichever flag it is", () => {
    for (const flag of ["SMTP_SECURE", "SMTP_REQUIRE_TLS", "SMTP_TLS_REJECT_UNAUTHORIZED"]) {
      for (const value of ["yes", "untrue", "falsey"]) {
        expect([value, decode({ SMTP_HOST: "mail.example.gov.uk", [flag]: value, SMTP_FROM: FROM })]).toMatchObject([
          value,
          { left: { setting: flag, message: `Email settings are not usable: ${flag} must be "true" or "false".` } }
        ])
      }
    }
  })
})

describe("given SMTP_FROM", () => {
  it("when it is an address, with or without a display name and spaces, then its domain signs the Message-ID", () => {
    for (const [from, used, domain] of [
      [FROM, FROM, "north-somerset.example.gov.uk"],
      [" Panels <panels@mail.example.gov.uk> ", "Panels <panels@mail.example.gov.uk>", "mail.example.gov.uk"],
      ["<panels@example.gov.uk>", "<panels@example.gov.uk>", "example.gov.uk"]
    ] as const) {
      expect([from, settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: from })]).toMatchObject([from, { from: used, fromDomain: domain }])
    }
  })

  it("when it is not one address then SMTP_FROM is named", () => {
    for (const from of ["panels", "panels@", "@example.gov.uk", "panels@example.gov.uk extra", "a@b@c", "Panels panels@example.gov.uk>x"]) {
      expect([from, decode({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: from })]).toMatchObject([
        from,
        {
          left: {
            setting: "SMTP_FROM",
            message:
              "Email settings are not usable: SMTP_FROM must be an email address, such as panels@example.gov.uk or Carepanel <panels@example.gov.uk>."
          }
        }
      ])
    }
  })
})

describe("given other variables in the environment", () => {
  it("when they do not start with SMTP_ then they are not read, and an empty SMTP_ variable counts as unset", () => {
    expect(settings({ SMTP_HOST: "mail.example.gov.uk", SMTP_FROM: FROM, PORT: "x", SMTP_PORT: "", SMTP_TIMEOUT_MS: undefined })).toMatchObject({
      port: 587,
      timeoutMs: 30_000
    })
  })
})
