import { ParseResult, Redacted, Schema } from "effect"

/** Where to connect and as whom, as written in SMTP_URL. */
export const SmtpServer = Schema.Struct({
  host: Schema.String,
  port: Schema.Number,
  /** Implicit TLS from the first byte (smtps://, usually port 465); otherwise STARTTLS when offered. */
  secure: Schema.Boolean,
  user: Schema.optional(Schema.String),
  pass: Schema.optional(Schema.RedactedFromSelf(Schema.String))
})
export type SmtpServer = typeof SmtpServer.Type

const shape = "it must look like smtp://user:password@host:587 or smtps://user:password@host:465"

const decodePart = (part: string): string | undefined => {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}

/** Reads an SMTP URL, or says what is wrong with it without repeating it (it may hold a password). */
export const parseSmtpUrl = (value: string): SmtpServer | string => {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return `is not a valid URL: ${shape}`
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    return `uses the scheme "${url.protocol.replace(/:$/, "")}": ${shape}`
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1")
  if (host === "") return `has no host: ${shape}`
  const secure = url.protocol === "smtps:"
  const user = decodePart(url.username)
  const pass = decodePart(url.password)
  if (user === undefined || pass === undefined) return `has a badly escaped user name or password: ${shape}`
  if ((user === "") !== (pass === "")) return `has a ${user === "" ? "password" : "user name"} without a ${user === "" ? "user name" : "password"}: give both or neither (${shape})`
  return {
    host,
    port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
    secure,
    ...(user === "" ? {} : { user }),
    ...(pass === "" ? {} : { pass: Redacted.make(pass) })
  }
}

/** SMTP_URL: decodes to the server it names; a failure message never repeats the URL. */
export const SmtpUrl = Schema.transformOrFail(Schema.String, SmtpServer, {
  strict: true,
  decode: (value, _, ast) => {
    const parsed = parseSmtpUrl(value)
    return typeof parsed === "string"
      ? ParseResult.fail(new ParseResult.Type(ast, "(hidden)", parsed))
      : ParseResult.succeed(parsed)
  },
  encode: (server, _, ast) => ParseResult.fail(new ParseResult.Forbidden(ast, server, "SMTP_URL is never written back"))
})
