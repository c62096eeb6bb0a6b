import { preset } from "@carepanel/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configFromEnv } from "../src/app/config.js"
import { askTwiceOnOneConnection } from "./support/idleConnection.js"
import { startTestApp, type TestApp } from "./support/harness.js"

// Behind a load balancer that keeps its connections to the API open for 60 s, an API that closed them after node's
// default 5 s would now and then be sent a request down a connection it had just closed: a 502 for the user.
let app: TestApp
beforeAll(async () => {
  app = await startTestApp([preset("lincolnshire")])
})
afterAll(() => app.close())

describe("idle connections", () => {
  it("stay open past node's default 5 s: a second request 7.5 s later on the same connection is answered", async () => {
    expect(await askTwiceOnOneConnection(app.url, "/health", 7_500)).toEqual({ answered: 2, closedBeforeSecond: false })
  }, 15_000)

  it("are kept 65 s unless CAREPANEL_KEEP_ALIVE_SECONDS says otherwise, and a setting out of range is refused by name", () => {
    expect(configFromEnv({}).timeouts.keepAliveMs).toBe(65_000)
    expect(configFromEnv({ CAREPANEL_KEEP_ALIVE_SECONDS: "120" }).timeouts.keepAliveMs).toBe(120_000)
    expect(() => configFromEnv({ CAREPANEL_KEEP_ALIVE_SECONDS: "0" })).toThrow(/CAREPANEL_KEEP_ALIVE_SECONDS/)
  })
})
