import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo, LookupFunction } from "node:net"
import { lookup as dnsLookup } from "node:dns"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { httpPost } from "../src/httpPost.js"
import { closedPort as closedPortEffect } from "./receiver.js"

// One real HTTP server for the file: it records each request and answers as the request's path says.
interface Seen {
  readonly method: string | undefined
  readonly headers: IncomingHttpHeaders
  readonly body: string
}
const seen: Array<Seen> = []
const server = createServer((request, response) => {
  const chunks: Array<Buffer> = []
  request.on("data", (chunk: Buffer) => chunks.push(chunk))
  request.on("end", () => {
    seen.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") })
    if (request.url === "/slow") return void setTimeout(() => response.writeHead(204).end(), 5_000)
    if (request.url === "/busy") return void response.writeHead(503, { "retry-after": "120" }).end("try later")
    if (request.url === "/dropped") {
      response.writeHead(200, { "content-length": "100000" }).write("partial")
      return void setTimeout(() => response.destroy(), 20)
    }
    if (request.url === "/moved") return void response.writeHead(302, { location: "/elsewhere" }).end()
    response.writeHead(202).end("x".repeat(200_000))
  })
})
let port = 0
beforeAll(
  () =>
    new Promise<void>((done) =>
      server.listen(0, "127.0.0.1", () => {
        port = (server.address() as AddressInfo).port
        done()
      })
    )
)
afterAll(
  () =>
    new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
)

const closedPort = () => Effect.runPromise(closedPortEffect)

const lookedUp: Array<string> = []
const recordingLookup: LookupFunction = (hostname, options, callback) => {
  lookedUp.push(hostname)
  dnsLookup(hostname, options, callback)
}
const post = (url: string, body = "{}", options: { lookup?: LookupFunction; signal?: AbortSignal } = {}) =>
  httpPost(new URL(url), body, { "webhook-id": "ref_42:ready" }, {
    lookup: options.lookup ?? recordingLookup,
    signal: options.signal ?? new AbortController().signal
  })

describe("given a webhook endpoint over plain HTTP (development)", () => {
  it("when a notification is posted then the endpoint gets a POST of the whole JSON body, its length in bytes, and the headers", async () => {
    seen.length = 0
    const body = JSON.stringify({ headline: "Zoë Testwood's request is ready – panel on Friday" })
    expect(await post(`http://localhost:${port}/carepanel`, body)).toEqual({ status: 202, retryAfter: undefined })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      method: "POST",
      body,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "webhook-id": "ref_42:ready" }
    })
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length)
  })

  it("when the host is a name then it is looked up through the given lookup (where private addresses are refused)", async () => {
    lookedUp.length = 0
    await post(`http://localhost:${port}/carepanel`)
    expect(lookedUp).toEqual(["localhost"])
    const refusing: LookupFunction = (hostname, _options, callback) => callback(new Error(`${hostname} refused by the test`), "")
    // Another port: a kept-alive connection to the first one would be reused without a lookup.
    await expect(post(`http://localhost:${await closedPort()}/carepanel`, "{}", { lookup: refusing })).rejects.toThrow("localhost refused by the test")
  })

  it("when the endpoint answers 503 with Retry-After, or a redirect, then the status and the wait are given, and no redirect is followed", async () => {
    seen.length = 0
    expect(await post(`http://127.0.0.1:${port}/busy`)).toEqual({ status: 503, retryAfter: "120" })
    expect(await post(`http://127.0.0.1:${port}/moved`)).toEqual({ status: 302, retryAfter: undefined })
    expect(seen).toHaveLength(2)
  })

  it("when the endpoint answers and then drops the connection mid-body then its status stands and nothing is left to crash the sender", async () => {
    expect(await post(`http://127.0.0.1:${port}/dropped`)).toEqual({ status: 200, retryAfter: undefined })
    await new Promise((done) => setTimeout(done, 100))
  })

  it("when the request is aborted (the delivery timed out) then the post fails instead of waiting", async () => {
    const controller = new AbortController()
    const pending = post(`http://127.0.0.1:${port}/slow`, "{}", { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: "AbortError" })
  })

  it("when nothing listens then the post fails with the connection error", async () => {
    const closed = await closedPort()
    await expect(post(`http://127.0.0.1:${closed}/carepanel`)).rejects.toMatchObject({ code: "ECONNREFUSED" })
  })
})

describe("given a webhook endpoint over https://", () => {
  it("when the server does not speak TLS then the post fails in the TLS handshake (it never sends in the clear)", async () => {
    seen.length = 0
    const failure = await post(`https://127.0.0.1:${port}/carepanel`).catch((error: NodeJS.ErrnoException) => error)
    expect(failure).toBeInstanceOf(Error)
    expect(String((failure as NodeJS.ErrnoException).code)).toMatch(/SSL|TLS|EPROTO/)
    expect(seen).toHaveLength(0)
  })
})
