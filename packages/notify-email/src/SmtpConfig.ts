import { Effect, ParseResult, type Redacted, Schema } from "effect"
import { SmtpUrl } from "./smtpUrl.js"

/** A setting is missing or malformed. `setting` names the environment variable to fix. */
export class SmtpConfigError extends Schema.TaggedError<SmtpConfigError>()("SmtpConfigError", {
  setting: Schema.String,
  message: Schema.String
}) {}

const fromPattern = /^(?:[^<>]*<\s*)?[^\s<>@]+@([^\s<>@]+?)\s*>?$/
/** A string checked with one readable message (never echoing the value), then turned into its value. */
const textAs = <A>(to: Schema.Schema<A>, ok: (text: string) => boolean, message: string, read: (text: string) => A) =>
  Schema.transform(Schema.String.pipe(Schema.filter((text) => ok(text.trim()), { message: () => message })), to, {
    strict: true,
    decode: (text) => read(text.trim()),
    encode: String
  })
const Flag = (fallback: boolean) =>
  Schema.optionalWith(
    textAs(Schema.Boolean, (t) => /^(true|false)$/i.test(t), 'must be "true" or "false"', (t) => t.toLowerCase() === "true"),
    { default: () => fallback, exact: true }
  )
const whole = (min: number, max: number, message: string) =>
  textAs(Schema.Number, (t) => /^\d+$/.test(t) && Number(t) >= min && Number(t) <= max, message, Number)
const optional = <A, I>(schema: Schema.Schema<A, I>) => Schema.optionalWith(schema, { exact: true })

/** A login is a user name and a password: one without the other would send without logging in, silently. */
const loginProblem = (env: { SMTP_URL?: unknown; SMTP_USER?: string; SMTP_PASS?: unknown }) => {
  if (env.SMTP_URL !== undefined) {
    const ignored = env.SMTP_USER !== undefined ? "SMTP_USER" : env.SMTP_PASS !== undefined ? "SMTP_PASS" : undefined
    return ignored && { path: [ignored], message: "is set beside SMTP_URL, which would ignore it: put the login in SMTP_URL or set SMTP_HOST instead" }
  }
  if ((env.SMTP_USER === undefined) === (env.SMTP_PASS === undefined)) return undefined
  const [missing, given] = env.SMTP_USER === undefined ? ["SMTP_USER", "SMTP_PASS"] : ["SMTP_PASS", "SMTP_USER"]
  return { path: [missing], message: `is not set but ${given} is: set both to log in, or neither` }
}

/** The SMTP_* environment variables. Give SMTP_URL, or SMTP_HOST with the other fields. */
export const SmtpEnv = Schema.Struct({
  SMTP_URL: optional(SmtpUrl),
  SMTP_HOST: optional(Schema.NonEmptyTrimmedString),
  SMTP_PORT: optional(whole(1, 65_535, "must be a port number from 1 to 65535")),
  SMTP_SECURE: Flag(false),
  SMTP_USER: optional(Schema.String),
  SMTP_PASS: optional(Schema.Redacted(Schema.String)),
  SMTP_FROM: Schema.String.pipe(
    Schema.filter((from) => fromPattern.test(from.trim()), {
      message: () => "must be an email address, such as panels@example.gov.uk or Carepanel <panels@example.gov.uk>"
    })
  ),
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  SMTP_REQUIRE_TLS: Flag(false),
  /** Check the server's certificate (leave on outside development). */
  SMTP_TLS_REJECT_UNAUTHORIZED: Flag(true),
  /** Limit on connecting, the greeting and each reply. */
  SMTP_TIMEOUT_MS: Schema.optionalWith(whole(1, 600_000, "must be a number of milliseconds from 1 to 600000"), {
    default: () => 30_000,
    exact: true
  })
}).pipe(
  Schema.filter((env) =>
    env.SMTP_URL !== undefined || env.SMTP_HOST !== undefined
      ? undefined
      : { path: ["SMTP_URL"], message: "is not set: set SMTP_URL (smtp://user:password@host:587) or SMTP_HOST" }
  ),
  Schema.filter((env) => loginProblem(env))
)

/** Everything the email notifier needs to reach the server. */
export interface SmtpSettings {
  /** The setting the server came from, named in error messages: "SMTP_URL" or "SMTP_HOST". */
  readonly setting: "SMTP_URL" | "SMTP_HOST"
  readonly host: string
  readonly port: number
  readonly secure: boolean
  readonly auth?: { readonly user: string; readonly pass: Redacted.Redacted<string> }
  readonly from: string
  /** The domain of SMTP_FROM, used on the right of Message-ID. */
  readonly fromDomain: string
  readonly requireTls: boolean
  readonly rejectUnauthorized: boolean
  readonly timeoutMs: number
}

const settingsOf = (env: typeof SmtpEnv.Type): SmtpSettings => {
  const url = env.SMTP_URL
  const secure = url?.secure ?? env.SMTP_SECURE
  const user = url ? url.user : env.SMTP_USER
  const pass = url ? url.pass : env.SMTP_PASS
  return {
    setting: url ? "SMTP_URL" : "SMTP_HOST",
    host: url?.host ?? env.SMTP_HOST ?? "",
    port: url?.port ?? env.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    ...(user !== undefined && pass !== undefined ? { auth: { user, pass } } : {}),
    from: env.SMTP_FROM.trim(),
    fromDomain: fromPattern.exec(env.SMTP_FROM.trim())?.[1] ?? "carepanel.invalid",
    requireTls: env.SMTP_REQUIRE_TLS,
    rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
    timeoutMs: env.SMTP_TIMEOUT_MS
  }
}

/** Unset and empty variables are the same thing (a `.env` line `SMTP_URL=` sets nothing). */
const present = (env: Readonly<Record<string, string | undefined>>) =>
  Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("SMTP_") && value !== undefined && value !== ""))

/** Decodes the SMTP_* variables (process.env by default); a failure names the setting to fix. */
export const smtpSettingsFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env
): Effect.Effect<SmtpSettings, SmtpConfigError> =>
  Schema.decodeUnknown(SmtpEnv)(present(env), { errors: "all" }).pipe(
    Effect.map(settingsOf),
    Effect.mapError((error) => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const setting = String(issues[0]?.path[0] ?? "SMTP_URL")
      const message = issues.map((issue) => `${issue.path.join(".") || setting} ${issue.message}`).join("; ")
      return new SmtpConfigError({ setting, message: `Email settings are not usable: ${message}.` })
    })
  )
