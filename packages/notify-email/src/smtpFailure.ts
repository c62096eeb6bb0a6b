import { DeliveryFailed } from "@carepanel/core"
import type { NodemailerError, SMTPSentMessageInfo } from "nodemailer"
import type { SmtpSettings } from "./SmtpConfig.js"

const reasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "timed out"
}

/** Node's codes for a certificate or TLS handshake that failed, which nodemailer reports as ESOCKET. */
const certificateProblem = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|ERR_TLS|HOSTNAME_MISMATCH/

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim()

/** What the server said, or failing that the library's one-line message: never a stack trace. */
const said = (error: NodemailerError) => oneLine(error.response ?? error.message)

const asNodemailerError = (error: unknown): NodemailerError =>
  error instanceof Error ? error : new Error(typeof error === "string" ? error : "unknown error")

const addresses = (list: SMTPSentMessageInfo["accepted"]) => list.join(", ")

const where = (smtp: SmtpSettings) => `${smtp.setting} ${smtp.host.includes(":") ? `[${smtp.host}]` : smtp.host}:${smtp.port}`

/**
 * The server took the message for some recipients and refused others. Permanent: a resend would reach the
 * accepted ones twice, so the entry goes to the dead letters where a person sees which address to fix.
 */
export const partlyRefused = (sent: SMTPSentMessageInfo, smtp: SmtpSettings): DeliveryFailed =>
  new DeliveryFailed({
    message: `Sent to ${addresses(sent.accepted)}, but the SMTP server at ${where(smtp)} refused ${addresses(sent.rejected)}: ${
      sent.rejectedErrors?.map(said).join("; ") ?? "no reason given"
    }`,
    permanent: true
  })

/** Turns a nodemailer failure into a DeliveryFailed a person can act on, naming the setting involved. */
export const smtpFailure = (cause: unknown, smtp: SmtpSettings): DeliveryFailed => {
  const error = asNodemailerError(cause)
  const server = `The SMTP server at ${where(smtp)}`
  const retryable = (message: string) => new DeliveryFailed({ message })
  const byReply = (message: string) =>
    new DeliveryFailed({ message, ...(error.permanent === true ? { permanent: true } : {}) })
  const original = error.originalCode ?? error.code ?? ""

  const tls = () =>
    retryable(
      `TLS with the SMTP server at ${where(smtp)} failed (${said(error)}). Check smtps:// against smtp://, SMTP_REQUIRE_TLS and SMTP_TLS_REJECT_UNAUTHORIZED.`
    )
  if (certificateProblem.test(original)) return tls()

  switch (error.code) {
    case "ESOCKET":
    case "EDNS":
    case "ETIMEDOUT":
    case "ECONNECTION":
      if (error.responseCode === undefined) {
        const reason = reasons[original] ?? (error.code === "ETIMEDOUT" ? "timed out" : oneLine(error.message))
        return retryable(`Cannot reach the SMTP server at ${where(smtp)} (${reason}). Check the setting and that the server is running.`)
      }
      return retryable(`${server} ended the conversation: ${said(error)}`)
    case "EAUTH":
      return retryable(`${server} refused the user name and password from ${smtp.setting === "SMTP_URL" ? "SMTP_URL" : "SMTP_USER/SMTP_PASS"}: ${said(error)}`)
    case "ENOAUTH":
      return retryable(`${server} needs a user name and password: put them in ${smtp.setting === "SMTP_URL" ? "SMTP_URL" : "SMTP_USER/SMTP_PASS"}.`)
    case "ETLS":
    case "EREQUIRETLS":
      return tls()
    case "EENVELOPE": {
      const refused = error.rejected?.length ? `the recipient ${error.rejected.join(", ")}` : "the sender or recipients"
      return byReply(`${server} refused ${refused}: ${said(error)}`)
    }
    case "EMESSAGE":
      return byReply(`${server} refused the message: ${said(error)}`)
    default:
      return byReply(`Sending through the SMTP server at ${where(smtp)} failed: ${said(error)}`)
  }
}
