import { untilWindowStarts } from "@carepanel/app-kit/testing"
import { LogLevel } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { eclipseSecret } from "../support/fixtures.js"
import { deliver, startTestReceiver } from "../support/receiver.js"

// A window of 2 s (aligned to the epoch, as every receiver counts it): the burst starts as one begins, so a loaded CI machine sends it inside one.
const limit = { requests: 2, windowSeconds: 2 }
const malformed = { type: "request.withdrawn", data: {} }
let receiver: Awaited<ReturnType<typeof startTestReceiver>>
const written: Array<string> = []

beforeAll(async () => {
  receiver = await startTestReceiver({ sourceRateLimit: limit, logLevel: LogLevel.Info, log: (line) => written.push(line) })
})
afterAll(() => receiver.close())

describe("the receiver's rate limit per source (issue 14, item 9)", () => {
  it("the verified delivery over a source's limit gets 429 with Retry-After; another source and unverified senders are unaffected; after the window it is taken again", async () => {
    await untilWindowStarts(limit.windowSeconds)
    for (let i = 0; i < limit.requests; i++) expect((await deliver(receiver.url, malformed)).status).toBe(422)
    const over = await deliver(receiver.url, malformed)
    expect(over.status).toBe(429)
    expect(over.contentType).toBe("application/problem+json")
    expect(over.body).toMatchObject({ status: 429, title: expect.stringContaining("Retry-After") })
    const retryAfter = Number(over.retryAfter)
    expect([1, 2]).toContain(retryAfter)
    // The operator's line for it: a warning naming the authority and the source.
    const refusals = () => written.map((line) => JSON.parse(line)).filter((entry) => entry.message === "delivery refused: rate limit")
    await expect.poll(() => refusals().length).toBe(1)
    expect(refusals()[0]).toMatchObject({ logLevel: "WARN", annotations: { authority: "wexcombe", source: "mosaic" } })
    expect((await deliver(receiver.url, malformed, { source: "eclipse", secret: eclipseSecret })).status).toBe(422)
    // Counted after the signature: a sender without the secret is refused as unverified, and cannot use up the allowance.
    expect((await deliver(receiver.url, malformed, { secret: eclipseSecret })).status).toBe(401)
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50))
    expect((await deliver(receiver.url, malformed)).status).toBe(422)
  })
})
