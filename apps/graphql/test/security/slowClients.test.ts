import { connect, type Socket } from "node:net"
import { preset } from "@carepanel/core"
import { defaultTimeouts } from "../../src/http/server.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "../support/harness.js"

let app: TestApp
beforeAll(async () => {
  app = await startTestApp([preset("lincolnshire")], { timeouts: { ...defaultTimeouts, headersMs: 1_000, requestMs: 2_000 } })
})
afterAll(() => app.close())

/** Opens a connection, writes `start`, then one more byte of `drip` every 100 ms; resolves with all the server said once it closes. */
const slowClient = (start: string, drip: string) =>
  new Promise<{ readonly answer: string; readonly bytesDripped: number }>((resolve, reject) => {
    const { hostname, port } = new URL(app.url)
    let answer = ""
    let sent = 0
    let timer: NodeJS.Timeout | undefined
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(start)
      timer = setInterval(() => {
        if (sent < drip.length && !socket.destroyed) socket.write(drip[sent++]!)
      }, 100)
    })
    socket.on("data", (chunk) => (answer += chunk.toString()))
    socket.on("close", () => {
      clearInterval(timer)
      resolve({ answer, bytesDripped: sent })
    })
    socket.on("error", reject)
  })

describe("slow clients", () => {
  it("are answered 408 and cut off when their headers do not arrive in time", async () => {
    const { answer, bytesDripped } = await slowClient("POST /graphql HTTP/1.1\r\nHost: localhost\r\n", `X-Slow: ${"a".repeat(10_000)}`)
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(bytesDripped).toBeLessThan(10_000)
  })

  it("are answered 408 and cut off when their body does not arrive in time", async () => {
    const body = JSON.stringify({ query: `{ viewer { name } } #${"x".repeat(5_000)}` })
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
    const { answer, bytesDripped } = await slowClient(head, body)
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(bytesDripped).toBeLessThan(body.length)
  })

  it("leave prompt clients alone", async () => {
    const response = await fetch(`${app.url}/health`)
    expect(response.status).toBe(200)
  })
})
