import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { deliver, startTestReceiver } from "../support/receiver.js"

/** What a client sends that must never come back: a canary a stack trace or an echo would carry. */
const canary = "CANARY-Robin-Ashdale-4f1c"

let receiver: Awaited<ReturnType<typeof startTestReceiver>>
beforeAll(async () => {
  receiver = await startTestReceiver()
})
afterAll(() => receiver.close())

/** Sends raw bytes (a request line no URL parser accepts cannot be sent with fetch) and returns the whole answer. */
const rawRequest = (port: number, request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request))
    let answer = ""
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8")
    })
    socket.on("end", () => resolve(answer))
    socket.on("error", reject)
  })

const noLeak = (text: string) => {
  expect(text).not.toContain(canary)
  expect(text).not.toMatch(/\bat .*:\d+:\d+/)
  expect(text).not.toMatch(/node_modules|\/src\//)
}

describe("The receiver's errors leak nothing", () => {
  it("a request line no URL parser accepts answers 400, not a 500 with a stack", async () => {
    const { port } = new URL(receiver.url)
    const answer = await rawRequest(Number(port), `POST http://[::1/${canary} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    noLeak(answer)
  })

  it("invalid JSON, signed or not, is refused without echoing any of the body", async () => {
    const body = `{"type":"request.submitted","data":{"child":"${canary}"`
    const signed = await deliver(receiver.url, body)
    expect(signed.status).toBe(422)
    expect(signed.body).toMatchObject({ detail: "The body is not JSON." })
    noLeak(JSON.stringify(signed.body))
    const unsigned = await deliver(receiver.url, body, { headers: { "webhook-signature": "v1,AAAA" } })
    expect(unsigned.status).toBe(401)
    noLeak(JSON.stringify(unsigned.body))
  })

  it("an event of a type it does not know, or a body of the wrong shape, is named by its path, not by its values", async () => {
    const unknownType = await deliver(receiver.url, { type: `request.${canary}`, data: {} })
    expect(unknownType.status).toBe(422)
    noLeak(JSON.stringify(unknownType.body))
    // The answer is kept with the delivery and shown on the TUI's Deliveries screen: a child's name must not be in it.
    const wrongShape = await deliver(receiver.url, { type: "request.approved", data: { formId: 42, actor: canary } })
    expect(wrongShape.status).toBe(422)
    expect(wrongShape.body.problems.map((problem: { path: string }) => problem.path)).toEqual(["data.actor", "data.formId"])
    expect(wrongShape.body.problems[1].message).toBe("Expected string")
    noLeak(JSON.stringify(wrongShape.body))
    expect(JSON.stringify(wrongShape.body)).not.toContain("actual")
  })
})
