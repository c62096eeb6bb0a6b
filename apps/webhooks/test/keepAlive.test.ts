import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { askTwiceOnOneConnection } from "../../graphql/test/support/idleConnection.js"
import { startTestReceiver } from "./support/receiver.js"

// A case system's integration engine, or the load balancer in front of the receiver, keeps its connections open
// longer than node's default 5 s; a receiver that closed them first would now and then have a delivery sent down a
// connection it had just closed, and the sender would see a dropped connection instead of an answer.
let receiver: Awaited<ReturnType<typeof startTestReceiver>>
beforeAll(async () => {
  receiver = await startTestReceiver()
})
afterAll(() => receiver.close())

describe("idle connections to the receiver", () => {
  it("stay open past node's default 5 s: a second request 7.5 s later on the same connection is answered", async () => {
    expect(await askTwiceOnOneConnection(receiver.url, "/health", 7_500)).toEqual({ answered: 2, closedBeforeSecond: false })
  }, 15_000)
})
