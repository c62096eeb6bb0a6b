import { Redacted } from "effect"
import { Webhook } from "standardwebhooks"

/** Signs with every secret of an endpoint, as Standard Webhooks asks during a key rotation. */
export type Signer = (id: string, timestampSeconds: number, body: string) => string

/**
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` once per secret, separated by spaces: a receiver that
 * knows any one of the secrets verifies the request. Signing is the official `standardwebhooks` library's.
 */
export const signerOf = (secrets: ReadonlyArray<Redacted.Redacted<string>>): Signer => {
  const webhooks = secrets.map((secret) => new Webhook(Redacted.value(secret)))
  return (id, timestampSeconds, body) =>
    webhooks.map((webhook) => webhook.sign(id, new Date(timestampSeconds * 1_000), body)).join(" ")
}
