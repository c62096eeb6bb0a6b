import type { SMTPSentMessageInfo } from "nodemailer"
import { describe, expect, it } from "vitest"
import type { SmtpSettings } from "../src/SmtpConfig.js"
import { partlyRefused, smtpFailure } from "../src/smtpFailure.js"

const viaHost: SmtpSettings = {
  setting: "SMTP_HOST",
  host: "mail.north-somerset.example",
  port: 587,
  secure: false,
  from: "panels@north-somerset.example",
  fromDomain: "north-somerset.example",
  requireTls: true,
  rejectUnauthorized: true,
  timeoutMs: 10_000
}
const viaUrl: SmtpSettings = { ...viaHost, setting: "SMTP_URL", host: "2001:db8::25", port: 25 }

/** An error as nodemailer reports it: a message, its own code and, once the server answered, its reply. */
const nodemailerError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields)

describe("what an administrator reads when the SMTP server fails a delivery", () => {
  it("names the setting, the host (an IPv6 address in brackets) and the port", () => {
    const failure = smtpFailure(nodemailerError("connect ECONNREFUSED", { code: "ESOCKET", originalCode: "ECONNREFUSED" }), viaUrl)
    expect(failure.message).toBe(
      "Cannot reach the SMTP server at SMTP_URL [2001:db8::25]:25 (connection refused). Check the setting and that the server is running."
    )
  })

  it("says in plain words why the server cannot be reached, and retries", () => {
    const reasons = {
      ENOTFOUND: "host name not found",
      EAI_AGAIN: "host name lookup failed",
      EHOSTUNREACH: "host unreachable",
      ENETUNREACH: "network unreachable",
      ECONNRESET: "connection reset",
      ETIMEDOUT: "timed out"
    }
    for (const [original, reason] of Object.entries(reasons)) {
      const failure = smtpFailure(nodemailerError(`getaddrinfo ${original}`, { code: "EDNS", originalCode: original }), viaHost)
      expect(failure.message).toBe(
        `Cannot reach the SMTP server at SMTP_HOST mail.north-somerset.example:587 (${reason}). Check the setting and that the server is running.`
      )
      expect(failure.permanent).toBeUndefined()
    }
    expect(smtpFailure(nodemailerError("Greeting never received", { code: "ETIMEDOUT" }), viaHost).message).toContain("(timed out)")
    expect(smtpFailure(nodemailerError("Connection\n  closed unexpectedly", { code: "ECONNECTION" }), viaHost).message).toContain(
      "(Connection closed unexpectedly)"
    )
  })

  it("quotes the server when it ended the conversation, and retries", () => {
    const failure = smtpFailure(nodemailerError("Unexpected", { code: "ECONNECTION", responseCode: 421, response: "421 4.3.2 Shutting down" }), viaHost)
    expect(failure.message).toBe("The SMTP server at SMTP_HOST mail.north-somerset.example:587 ended the conversation: 421 4.3.2 Shutting down")
    expect(failure.permanent).toBeUndefined()
  })

  it("points at SMTP_USER/SMTP_PASS or SMTP_URL for the password, whichever was used", () => {
    const refused = nodemailerError("Invalid login", { code: "EAUTH", responseCode: 535, response: "535 Invalid username or password" })
    expect(smtpFailure(refused, viaHost).message).toBe(
      "The SMTP server at SMTP_HOST mail.north-somerset.example:587 refused the user name and password from SMTP_USER/SMTP_PASS: 535 Invalid username or password"
    )
    const missing = nodemailerError("Missing credentials", { code: "ENOAUTH" })
    expect(smtpFailure(missing, viaHost).message).toBe(
      "The SMTP server at SMTP_HOST mail.north-somerset.example:587 needs a user name and password: put them in SMTP_USER/SMTP_PASS."
    )
    expect(smtpFailure(missing, viaUrl).message).toBe(
      "The SMTP server at SMTP_URL [2001:db8::25]:25 needs a user name and password: put them in SMTP_URL."
    )
    expect(smtpFailure(missing, viaUrl).permanent).toBeUndefined()
  })

  it("points at the TLS settings for a certificate or handshake failure, and retries", () => {
    for (const error of [
      nodemailerError("self-signed certificate", { code: "ESOCKET", originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT" }),
      nodemailerError("Hostname/IP does not match", { code: "ESOCKET", originalCode: "ERR_TLS_CERT_ALTNAME_INVALID" }),
      nodemailerError("Cannot upgrade", { code: "ETLS" })
    ]) {
      const failure = smtpFailure(error, viaHost)
      expect(failure.message).toBe(
        `TLS with the SMTP server at SMTP_HOST mail.north-somerset.example:587 failed (${error.message}). Check smtps:// against smtp://, SMTP_REQUIRE_TLS and SMTP_TLS_REJECT_UNAUTHORIZED.`
      )
      expect(failure.permanent).toBeUndefined()
    }
  })

  it("gives up on a refusal the server calls permanent (5xx) and retries one it calls temporary (4xx)", () => {
    const envelope = (permanent: boolean, rejected?: Array<string>) =>
      nodemailerError("Can't send mail", { code: "EENVELOPE", permanent, response: "550 5.7.1 Sender refused", ...(rejected ? { rejected } : {}) })
    expect(smtpFailure(envelope(true), viaHost)).toMatchObject({
      message: "The SMTP server at SMTP_HOST mail.north-somerset.example:587 refused the sender or recipients: 550 5.7.1 Sender refused",
      permanent: true
    })
    expect(smtpFailure(envelope(false, []), viaHost).message).toContain("refused the sender or recipients")
    expect(smtpFailure(envelope(false), viaHost).permanent).toBeUndefined()
    const message = nodemailerError("Message failed", { code: "EMESSAGE", permanent: true, response: "552 5.3.4 Message too big" })
    expect(smtpFailure(message, viaHost)).toMatchObject({
      message: "The SMTP server at SMTP_HOST mail.north-somerset.example:587 refused the message: 552 5.3.4 Message too big",
      permanent: true
    })
  })

  it("falls back to one line of the library's words, never a stack trace, for anything else", () => {
    expect(smtpFailure(nodemailerError("Something\n   odd", { code: "EPROTOCOL" }), viaHost)).toMatchObject({
      message: "Sending through the SMTP server at SMTP_HOST mail.north-somerset.example:587 failed: Something odd"
    })
    expect(smtpFailure("socket closed", viaHost).message).toBe(
      "Sending through the SMTP server at SMTP_HOST mail.north-somerset.example:587 failed: socket closed"
    )
    expect(smtpFailure({ weird: true }, viaHost).message).toBe(
      "Sending through the SMTP server at SMTP_HOST mail.north-somerset.example:587 failed: unknown error"
    )
  })

  it("lists every refused address with the server's reason, or says it gave none, when only some recipients were taken", () => {
    const sent: SMTPSentMessageInfo = {
      accepted: ["panels@north-somerset.example"],
      rejected: ["a@x.example", "b@x.example"],
      pending: [],
      response: "250 OK",
      envelope: { from: "panels@north-somerset.example", to: ["panels@north-somerset.example", "a@x.example", "b@x.example"] },
      messageId: "<1@north-somerset.example>",
      envelopeTime: 1,
      messageTime: 1,
      messageSize: 100
    }
    const reasons = [nodemailerError("a", { response: "550 No such mailbox" }), nodemailerError("b", { response: "550 Mailbox full" })]
    expect(partlyRefused({ ...sent, rejectedErrors: reasons }, viaHost)).toMatchObject({
      message:
        "Sent to panels@north-somerset.example, but the SMTP server at SMTP_HOST mail.north-somerset.example:587 refused a@x.example, b@x.example: 550 No such mailbox; 550 Mailbox full",
      permanent: true
    })
    expect(partlyRefused(sent, viaHost).message).toMatch(/refused a@x\.example, b@x\.example: no reason given$/)
  })
})
