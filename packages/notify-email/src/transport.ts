import { Redacted } from "effect"
import nodemailer from "nodemailer"
import type { SmtpSettings } from "./SmtpConfig.js"

/** A nodemailer SMTP transport for these settings, with their time limits. */
export const transportOf = (smtp: SmtpSettings) =>
  nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: Redacted.value(smtp.auth.pass) } } : {}),
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs
  })
