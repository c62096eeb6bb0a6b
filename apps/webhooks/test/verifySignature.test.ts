import { Webhook } from "standardwebhooks"
import { describe, expect, it } from "vitest"
import { verifySignature } from "../src/http/verifySignature.js"
import { secret } from "./support/fixtures.js"

/** The check itself, without HTTP: what verification.test.ts cannot send (headers HTTP would trim or refuse) or reach. */
const now = 1_800_000_000
const text = '{"type":"request.withdrawn"}'
const bytes = (body: string) => new TextEncoder().encode(body)

const signed = (id: string, body: string | Buffer = text, timestamp = now) => ({
  id,
  timestamp: String(timestamp),
  signature: new Webhook(secret).sign(id, new Date(timestamp * 1000), body)
})

const check = (headers: ReturnType<typeof signed>, body: Uint8Array = bytes(text)) => verifySignature(headers, body, [secret], now)

describe("verifySignature", () => {
  it("answers the delivery's id, timestamp and text when every check passes", () => {
    expect(check(signed("msg_1"))).toEqual({ deliveryId: "msg_1", timestamp: now, text })
  })

  it("takes a webhook-id of 1 to 255 printable ASCII characters, and refuses a longer one, or one with a space or a non-ASCII letter, signed or not", () => {
    expect(check(signed("x"))?.deliveryId).toBe("x")
    expect(check(signed("m".repeat(255)))?.deliveryId).toBe("m".repeat(255))
    expect(check(signed("m".repeat(256)))).toBeUndefined()
    expect(check(signed("msg one"))).toBeUndefined()
    expect(check(signed("msg_é"))).toBeUndefined()
  })

  it("refuses a webhook-timestamp written otherwise than as whole seconds, even when the seconds it means were signed", () => {
    for (const written of [`+${now}`, `${now}.0`, `${now / 1000}e3`, `0x${now.toString(16)}`, ` ${now}`]) {
      expect(check({ ...signed("msg_2"), timestamp: written }), written).toBeUndefined()
    }
    expect(check({ ...signed("msg_3"), timestamp: `0${now}` })?.timestamp).toBe(now)
  })

  it("accepts 300 seconds either side of now, and not 301", () => {
    expect(check(signed("msg_4", text, now - 300))).toBeDefined()
    expect(check(signed("msg_5", text, now + 300))).toBeDefined()
    expect(check(signed("msg_6", text, now - 301))).toBeUndefined()
    expect(check(signed("msg_7", text, now + 301))).toBeUndefined()
  })

  it("refuses a body that is not UTF-8, signed as the official library signs bytes (read with U+FFFD) or as the empty body", () => {
    const notUtf8 = Buffer.from([0x7b, 0xff, 0x7d])
    expect(check(signed("msg_8", notUtf8), notUtf8)).toBeUndefined()
    expect(check(signed("msg_9", ""), notUtf8)).toBeUndefined()
  })
})
