import { createHash, timingSafeEqual } from "node:crypto"
import { Webhook } from "standardwebhooks"

/** Standard Webhooks' tolerance: a timestamp more than 5 minutes from now, either way, is refused. */
export const toleranceSeconds = 5 * 60

export interface SignedHeaders {
  readonly id: string | undefined
  readonly timestamp: string | undefined
  readonly signature: string | undefined
}

export interface Verified {
  readonly deliveryId: string
  readonly timestamp: number
  /** The body as text: verification only passes for valid UTF-8. */
  readonly text: string
}

const idShape = /^[\x21-\x7e]{1,255}$/
const timestampShape = /^\d{1,12}$/
const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

/** One signer per secret (each decodes its secret once): the secrets are the sources file's, a handful. */
const signers = new Map<string, Webhook>()
const signerFor = (secret: string) => {
  let signer = signers.get(secret)
  if (signer === undefined) {
    signer = new Webhook(secret)
    signers.set(secret, signer)
  }
  return signer
}

const digest = (text: string) => createHash("sha256").update(text).digest()

/** Compares two signatures in constant time (equal-length digests, so neither length nor content leaks). */
const sameSignature = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected))

const decodeUtf8 = (body: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(body)
  } catch {
    return undefined
  }
}

/**
 * Verifies a delivery as the Standard Webhooks specification says: `webhook-id`, `webhook-timestamp` (within
 * +-5 minutes of `nowSeconds`) and `webhook-signature` (space-separated `v1,<base64>`), the HMAC-SHA256 of
 * `id.timestamp.body` under any of `secrets`. The signing is the specification's official library; the body
 * must be valid UTF-8 so the bytes signed are exactly the bytes received. Every check runs whatever the
 * outcome of the others, and the answer is only "verified" or undefined: nothing says which check failed.
 */
export const verifySignature = (
  headers: SignedHeaders,
  body: Uint8Array,
  secrets: ReadonlyArray<string>,
  nowSeconds: number
): Verified | undefined => {
  const id = headers.id ?? ""
  const stamp = headers.timestamp ?? ""
  const text = decodeUtf8(body)
  const timestamp = timestampShape.test(stamp) ? Number(stamp) : Number.NaN
  const fresh = Math.abs(nowSeconds - timestamp) <= toleranceSeconds
  const given = (headers.signature ?? "").split(" ").flatMap((entry) => (entry.startsWith("v1,") ? [entry.slice(3)] : []))
  const signable = Number.isFinite(timestamp) ? timestamp : 0
  let matched = false
  for (const secret of secrets) {
    const expected = signerFor(secret).sign(id, new Date(signable * 1000), text ?? "").slice(3)
    for (const signature of given) matched = sameSignature(signature, expected) || matched
  }
  const ok = matched && fresh && text !== undefined && idShape.test(id)
  return ok ? { deliveryId: id, timestamp, text: text } : undefined
}
