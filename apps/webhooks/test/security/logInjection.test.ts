import { LogLevel } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestReceiver } from "../support/receiver.js"

/** Every C0 control, DEL, the Unicode line separators, and text shaped like a forged log line. */
const hostile = [
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)),
  "\u007f",
  "\u2028",
  '\r\n{"logLevel":"INFO","message":"delivery applied","forged":true}\n'
]

const written: Array<string> = []
let receiver: Awaited<ReturnType<typeof startTestReceiver>>

beforeAll(async () => {
  receiver = await startTestReceiver({ logLevel: LogLevel.Info, log: (line) => written.push(line) })
})
afterAll(() => receiver.close())

describe("the receiver's log", () => {
  it("writes one JSON object per refused delivery, whatever its address holds, and reads each back exactly", async () => {
    for (const text of hostile) {
      const response = await fetch(`${receiver.url}/webhooks/${encodeURIComponent(`wex${text}combe`)}/${encodeURIComponent(`mo${text}saic`)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}"
      })
      expect(response.status).toBe(401)
    }
    const lines = written.join("\n").split(/\r\n|\n|\r/)
    const refused = lines.map((line) => JSON.parse(line) as { message: string; logLevel: string; annotations: Record<string, string> })
    expect(refused).toHaveLength(hostile.length)
    refused.forEach((entry, i) => {
      expect(entry).toMatchObject({ message: "delivery rejected: not verified", logLevel: "WARN" })
      expect(entry.annotations).toEqual({ authority: `wex${hostile[i]}combe`, source: `mo${hostile[i]}saic` })
    })
  })
})
