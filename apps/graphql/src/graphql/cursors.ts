import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * Page cursors are `base64url(record id).base64url(HMAC-SHA256(key, record id))` (the tag cut to 128 bits), so a
 * cursor the API did not issue (`AAAA`, an id guessed or taken from elsewhere) is refused instead of read as a
 * position. The key is `CAREPANEL_CURSOR_KEY` when set (every API process behind one address needs the same
 * key); otherwise random per process, so cursors stop working when the process restarts.
 */
let key: Buffer = randomBytes(32)

/** Signs cursors with a key derived from `secret` from now on (start-up only). */
export const useCursorKey = (secret: string): void => {
  key = createHash("sha256").update(`carepanel cursor key\0${secret}`).digest()
}

const tagOf = (id: string): Buffer => createHmac("sha256", key).update(id, "utf8").digest().subarray(0, 16)

export const cursorOf = (id: string): string => `${Buffer.from(id, "utf8").toString("base64url")}.${tagOf(id).toString("base64url")}`

const base64url = /^[A-Za-z0-9_-]+$/

/** The record id a cursor of this API stands for; undefined for anything else. */
export const idOfCursor = (cursor: string): string | undefined => {
  const parts = cursor.split(".")
  if (parts.length !== 2 || !base64url.test(parts[0]!) || !base64url.test(parts[1]!)) return undefined
  const id = Buffer.from(parts[0]!, "base64url").toString("utf8")
  if (id === "" || Buffer.from(id, "utf8").toString("base64url") !== parts[0]) return undefined
  const tag = Buffer.from(parts[1]!, "base64url")
  const expected = tagOf(id)
  return tag.length === expected.length && tag.toString("base64url") === parts[1] && timingSafeEqual(tag, expected) ? id : undefined
}
