import { AuthorityId } from "@carepanel/core"
import { Effect, ParseResult, Schema } from "effect"

/** A setting is missing or malformed. `setting` names the environment variable or field to fix. */
export class WebhookConfigError extends Schema.TaggedError<WebhookConfigError>()("WebhookConfigError", {
  setting: Schema.String,
  message: Schema.String
}) {}

const secretShape = /^whsec_([A-Za-z0-9+/]+={0,2})$/
const secretBytes = (secret: string) => Buffer.from(secretShape.exec(secret)?.[1] ?? "", "base64").length

/** A Standard Webhooks signing secret: `whsec_` and the base64 of 24 to 64 random bytes. Never echoed. */
export const WebhookSecret = Schema.Redacted(
  Schema.String.pipe(
    Schema.filter((secret) => secretShape.test(secret) && secretBytes(secret) >= 24 && secretBytes(secret) <= 64, {
      message: () => "must be whsec_ followed by the base64 of 24 to 64 random bytes"
    })
  )
)

const EndpointUrl = Schema.String.pipe(
  Schema.filter((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
    message: () => "must be an http:// or https:// URL"
  })
)

/** Where one authority's case system receives webhooks, and the secrets to sign them with. */
export const WebhookEndpoint = Schema.Struct({
  url: EndpointUrl,
  /** Every secret signs each request: during a key rotation list the new and the old one. */
  secrets: Schema.NonEmptyArray(WebhookSecret),
  /** Allow loopback and private-network addresses (and plain http://): for development only. */
  allowPrivateNetwork: Schema.optionalWith(Schema.Boolean, { default: () => false, exact: true })
}).pipe(
  Schema.filter((endpoint) =>
    endpoint.allowPrivateNetwork || endpoint.url.startsWith("https:")
      ? undefined
      : { path: ["url"], message: "must use https:// (plain http:// only with allowPrivateNetwork: true)" }
  )
)
export type WebhookEndpoint = typeof WebhookEndpoint.Type

/** Each authority's endpoint, by authority id. */
export const WebhookEndpoints = Schema.Record({ key: AuthorityId, value: WebhookEndpoint })

export const WebhookSettings = Schema.Struct({
  endpoints: WebhookEndpoints,
  /** How long one request may take, from connecting to the response headers. */
  timeoutMs: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 300_000)), { default: () => 10_000, exact: true })
})
export type WebhookSettings = typeof WebhookSettings.Type
export type WebhookSettingsInput = typeof WebhookSettings.Encoded

/** JSON text; a failure never repeats the text (it holds secrets). */
const JsonText = Schema.transformOrFail(Schema.String, Schema.Unknown, {
  strict: true,
  decode: (text, _, ast) => {
    try {
      return ParseResult.succeed(JSON.parse(text) as unknown)
    } catch {
      return ParseResult.fail(new ParseResult.Type(ast, "(hidden)", "is not valid JSON"))
    }
  },
  encode: (value) => ParseResult.succeed(JSON.stringify(value))
})

const Timeout = Schema.String.pipe(
  Schema.filter((t) => /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 300_000, {
    message: () => "must be a number of milliseconds from 1 to 300000"
  })
)

/** WEBHOOK_ENDPOINTS (JSON: {"<authorityId>": {"url", "secrets": ["whsec_..."]}}) and WEBHOOK_TIMEOUT_MS. */
export const WebhookEnv = Schema.Struct({
  WEBHOOK_ENDPOINTS: Schema.compose(JsonText, WebhookEndpoints).pipe(
    Schema.filter((endpoints) => Object.keys(endpoints).length > 0, {
      message: () => "names no authority: give at least one endpoint, or leave it unset to send no webhooks"
    })
  ),
  WEBHOOK_TIMEOUT_MS: Schema.optionalWith(Timeout, { exact: true })
})

const configError = (fallback: string) => (error: ParseResult.ParseError) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const setting = issues[0]?.path.map(String).join(".") || fallback
  const message = issues.map((issue) => `${issue.path.map(String).join(".") || fallback} ${issue.message}`).join("; ")
  return new WebhookConfigError({ setting, message: `Webhook settings are not usable: ${message}.` })
}

/** Decodes settings given as data (from your own config file); a failure names the field to fix. */
export const decodeWebhookSettings = (input: unknown): Effect.Effect<WebhookSettings, WebhookConfigError> =>
  Schema.decodeUnknown(WebhookSettings)(input, { errors: "all" }).pipe(Effect.mapError(configError("settings")))

/** Decodes WEBHOOK_ENDPOINTS and WEBHOOK_TIMEOUT_MS (process.env unless given). */
export const webhookSettingsFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env
): Effect.Effect<WebhookSettings, WebhookConfigError> => {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key.startsWith("WEBHOOK_") && value !== undefined && value !== "")
  )
  return Schema.decodeUnknown(WebhookEnv)(present, { errors: "all" }).pipe(
    Effect.map((decoded) => ({
      endpoints: decoded.WEBHOOK_ENDPOINTS,
      timeoutMs: decoded.WEBHOOK_TIMEOUT_MS === undefined ? 10_000 : Number(decoded.WEBHOOK_TIMEOUT_MS)
    })),
    Effect.mapError(configError("WEBHOOK_ENDPOINTS"))
  )
}
