/**
 * The `Idempotency-Key` a change was sent with (the IETF draft's header: a string of the sender's choosing, a UUID
 * say, quoted or not), or why it cannot be used. Read once per request; a query's is not used.
 */
export type RequestKey = { readonly key: string } | { readonly problem: string } | undefined

/** Visible ASCII only: a key is compared byte for byte, so nothing that a proxy might re-encode or trim. */
const keyText = /^[\x21-\x7e]{1,255}$/

export const requestKeyOf = (header: string | null): RequestKey => {
  if (header === null) return undefined
  const trimmed = header.trim()
  const quoted = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
  const key = quoted ? trimmed.slice(1, -1) : trimmed
  if (key === "") return { problem: "it is empty" }
  if (key.length > 255) return { problem: `it is ${key.length} characters long` }
  if (!keyText.test(key)) return { problem: "it holds a character other than visible ASCII (a space, say)" }
  if (quoted && /["\\]/.test(key)) return { problem: "it has a quote or a backslash inside its quotes" }
  return { key }
}
