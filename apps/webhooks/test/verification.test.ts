import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { nextSecret, secret, submitted, withdrawn } from "./support/fixtures.js"
import { deliver, nowSeconds, signedHeaders, startTestReceiver } from "./support/receiver.js"

const run = promisify(execFile)

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
/** The receiver's clock, held still for the tolerance cases (a busy machine may take a second between signing and checking). */
let heldAtMs: number | undefined
beforeAll(async () => {
  receiver = await startTestReceiver({ bodyLimitBytes: 20_000, now: () => heldAtMs ?? Date.now() })
})
afterEach(() => {
  heldAtMs = undefined
})
afterAll(() => receiver.close())

/** Headers signed `offsetSeconds` from the receiver's clock, held at this second. */
const signedFromNow = (offsetSeconds: number) => {
  const at = nowSeconds()
  heldAtMs = at * 1000
  return signedHeaders(text, { timestamp: at + offsetSeconds })
}

// Any event well-formed enough to pass the shape check: a verified delivery is answered 2xx or 422, never 401.
const event = withdrawn("form-verification")
const text = JSON.stringify(event)

describe("docs/webhooks.md's signing without a library (Node's crypto), run as a process", () => {
  it("signs and posts an event: answered as any delivery, and the same id again answered alike", async () => {
    const doc = repositoryFile("docs/webhooks.md")
    const example = /```js\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf("## The request")))![1]!
    const dir = mkdtempSync(join(tmpdir(), "carepanel-sign-example-"))
    try {
      writeFileSync(join(dir, "send.mjs"), example)
      writeFileSync(join(dir, "event.json"), JSON.stringify(withdrawn("form-signed-by-hand")))
      const env = { ...process.env, CAREPANEL_WEBHOOK_URL: `${receiver.url}/webhooks/wexcombe/mosaic`, CAREPANEL_WEBHOOK_SECRET: secret }
      const sent = async () => (await run(process.execPath, ["send.mjs", "event.json", "msg_signed_by_hand"], { cwd: dir, env, timeout: 30_000 })).stdout
      const first = await sent()
      expect(first).toBe('202 {"deliveryId":"msg_signed_by_hand","outcome":"parked","waitingFor":"mosaic/request/form-signed-by-hand"}\n')
      expect(await sent()).toBe(first)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe("verification before anything, over HTTP", () => {
  it("accepts a delivery signed with the source's secret (a withdrawal of an unknown request is parked: 202)", async () => {
    const answer = await deliver(receiver.url, text)
    expect(answer.status).toBe(202)
  })

  const rejections: ReadonlyArray<readonly [string, () => Record<string, string | undefined>, string?]> = [
    ["no webhook-id", () => ({ "webhook-id": undefined })],
    ["no webhook-timestamp", () => ({ "webhook-timestamp": undefined })],
    ["no webhook-signature", () => ({ "webhook-signature": undefined })],
    ["a signature made with another secret", () => ({ "webhook-signature": signedHeaders(text, { secret: nextSecret, id: "fixed" })["webhook-signature"], "webhook-id": "fixed" })],
    ["a timestamp 301 seconds old", () => signedFromNow(-301)],
    ["a timestamp 301 seconds ahead", () => signedFromNow(301)],
    ["an unknown version prefix", () => {
      const headers = signedHeaders(text)
      return { ...headers, "webhook-signature": headers["webhook-signature"]!.replace("v1,", "v2,") }
    }],
    ["a signature that is not base64", () => ({ "webhook-signature": "v1,@@@not-base64@@@" })],
    ["a timestamp that is not a number", () => ({ "webhook-timestamp": "1e9" })]
  ]

  // The same words for every failed check, so they say what to check without saying which check failed (before: none).
  const unverifiedDetail =
    "Check that the URL names your authority and source as Carepanel's sources file does (/webhooks/{authority}/{source}); that webhook-id, webhook-timestamp and webhook-signature are sent; that webhook-timestamp is the time in seconds, within 5 minutes of now; and that webhook-signature is v1, followed by the base64 HMAC-SHA256 of id.timestamp.body (for a decision sheet, the path in place of the body) under one of the source's current secrets (the bytes after whsec_, base64-decoded)."

  for (const [what, headers] of rejections) {
    it(`answers 401, with no hint which check failed, for ${what}`, async () => {
      const answer = await deliver(receiver.url, text, { headers: headers() })
      expect(answer.status).toBe(401)
      expect(answer.contentType).toBe("application/problem+json")
      expect(answer.body).toEqual({ type: "https://carepanel.example/problems/unauthorised", title: "The delivery could not be verified.", status: 401, detail: unverifiedDetail })
    })
  }

  it("accepts a timestamp 300 seconds old or ahead: the edge of the tolerance", async () => {
    expect((await deliver(receiver.url, text, { headers: signedFromNow(-300) })).status).toBe(202)
    expect((await deliver(receiver.url, text, { headers: signedFromNow(300) })).status).toBe(202)
  })

  it("answers 401 for a tampered body (signed, then one character changed)", async () => {
    const headers = signedHeaders(text)
    const response = await fetch(`${receiver.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers, body: text.replace("moved", "moves") })
    expect(response.status).toBe(401)
  })

  it("answers 401 for an unknown source or authority, as for a bad signature", async () => {
    expect((await deliver(receiver.url, text, { source: "liquidlogic" })).status).toBe(401)
    const headers = signedHeaders(text)
    const response = await fetch(`${receiver.url}/webhooks/lincolnshire/mosaic`, { method: "POST", headers, body: text })
    expect(response.status).toBe(401)
    // Names every object has are no source either: 401, not a 500 from looking one up.
    for (const path of ["constructor/mosaic", "wexcombe/constructor", "wexcombe/__proto__", "toString/mosaic"]) {
      const signed = signedHeaders(text)
      expect((await fetch(`${receiver.url}/webhooks/${path}`, { method: "POST", headers: signed, body: text })).status, path).toBe(401)
    }
  })

  it("answers 413 from Content-Length, before reading the body", async () => {
    const big = JSON.stringify({ ...event, padding: "x".repeat(30_000) })
    const answer = await deliver(receiver.url, big)
    expect(answer.status).toBe(413)
    expect(answer.contentType).toBe("application/problem+json")
  })

  it("answers 413 for an oversized body sent without a Content-Length (chunked)", async () => {
    const chunk = new TextEncoder().encode("x".repeat(10_000))
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(chunk)
        controller.close()
      }
    })
    const response = await fetch(`${receiver.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: signedHeaders("x"), body, duplex: "half" } as RequestInit)
    expect(response.status).toBe(413)
  })

  it("verifies and applies a body under the limit sent without a Content-Length (chunked), as one sent with it", async () => {
    const bytes = new TextEncoder().encode(text)
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10))
        controller.enqueue(bytes.subarray(10))
        controller.close()
      }
    })
    const headers = signedHeaders(text, { id: "chunked-under-limit" })
    const response = await fetch(`${receiver.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers, body, duplex: "half" } as RequestInit)
    expect(response.status).toBe(202)
  })

  it("takes a body of exactly the limit, with a Content-Length or without (chunked), and answers 413 one byte over", async () => {
    const exactly = (bytes: number) => {
      const padded = { ...event, data: { ...event.data, reason: "" } }
      const room = bytes - new TextEncoder().encode(JSON.stringify(padded)).length
      return JSON.stringify({ ...event, data: { ...event.data, reason: "r".repeat(room) } })
    }
    const atLimit = exactly(20_000)
    expect(new TextEncoder().encode(atLimit).length).toBe(20_000)
    expect((await deliver(receiver.url, atLimit)).status).toBe(202)
    const chunked = (body: string) =>
      new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(body)
          for (let at = 0; at < bytes.length; at += 4_000) controller.enqueue(bytes.subarray(at, at + 4_000))
          controller.close()
        }
      })
    const post = (body: string) =>
      fetch(`${receiver.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: signedHeaders(body), body: chunked(body), duplex: "half" } as RequestInit)
    expect((await post(atLimit)).status).toBe(202)
    const over = exactly(20_001)
    expect((await deliver(receiver.url, over)).body).toEqual({ type: "https://carepanel.example/problems/too-large", title: "The body is larger than 20000 bytes.", status: 413 })
    expect((await post(over)).status).toBe(413)
  })

  it("answers 413 from a Content-Length over the limit before the body arrives (it is never waited for)", async () => {
    const { port } = new URL(receiver.url)
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/webhooks/wexcombe/mosaic", headers: { ...signedHeaders(text), "content-length": "30000" } })
      request.once("response", (response) => {
        resolve(response.statusCode!)
        request.destroy()
      })
      request.once("error", () => undefined)
      request.setTimeout(5_000, () => reject(new Error("no answer in 5 s: the receiver waited for the body")))
      request.write("{")
    })
    expect(status).toBe(413)
  })

  it("answers 415 for a body that is not application/json", async () => {
    const answer = await deliver(receiver.url, text, { headers: { "content-type": "text/plain" } })
    expect(answer.status).toBe(415)
    expect(answer.contentType).toBe("application/problem+json")
  })

  it("takes application/json with or without a UTF-8 charset, in any case; any other type, or none, is 415", async () => {
    for (const type of ["application/json", "Application/JSON", "application/json; charset=utf-8", 'application/json;charset="UTF-8"', " application/json ", "application/json ;  charset=utf-8"]) {
      expect((await deliver(receiver.url, text, { headers: { "content-type": type } })).status, type).toBe(202)
    }
    for (const type of ["text/plain", "application/json-seq", "application/jsonx", "xapplication/json", "application/json; charset=latin1", "application/json; charset=utf-8x", "application/json; boundary=x", "application/json;xcharset=utf-8", "text/json"]) {
      const answer = await deliver(receiver.url, text, { headers: { "content-type": type } })
      expect(answer.status, type).toBe(415)
      expect(answer.body).toMatchObject({ status: 415, title: "The body must be application/json." })
    }
    // fetch always sends a type with a text body; without one at all, still 415 (not a 500 from reading none).
    const { port } = new URL(receiver.url)
    const { "content-type": _, ...untyped } = signedHeaders(text)
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/webhooks/wexcombe/mosaic", headers: untyped }, (response) => {
        response.resume()
        resolve(response.statusCode!)
      })
      request.once("error", reject)
      request.end(text)
    })
    expect(status).toBe(415)
  })

  it("checks in order: the body limit (413), the content type (415), then the signature (401)", async () => {
    const unsigned = { "webhook-signature": undefined }
    const oversized = "x".repeat(20_001)
    expect((await deliver(receiver.url, oversized, { headers: { ...unsigned, "content-type": "text/plain" } })).status).toBe(413)
    expect((await deliver(receiver.url, text, { headers: { ...unsigned, "content-type": "text/plain" } })).status).toBe(415)
    expect((await deliver(receiver.url, text, { headers: unsigned })).status).toBe(401)
  })

  it("verifies with any current secret: during a rotation, the old and the new one both pass", async () => {
    const rotating = await startTestReceiver({ sources: rotated })
    try {
      expect((await deliver(rotating.url, text, { secret })).status).toBe(202)
      expect((await deliver(rotating.url, text, { secret: nextSecret })).status).toBe(202)
      expect((await deliver(receiver.url, text, { secret: nextSecret })).status).toBe(401)
    } finally {
      await rotating.close()
    }
  })

  it("refuses the retired secret once the rotation is complete (only the new one listed)", async () => {
    const done = await startTestReceiver({ sources: rotationDone })
    try {
      expect((await deliver(done.url, text, { secret: nextSecret })).status).toBe(202)
      expect((await deliver(done.url, text, { secret })).status).toBe(401)
    } finally {
      await done.close()
    }
  })

  it("accepts a signature header listing several signatures when one of them matches", async () => {
    const headers = signedHeaders(text, { id: "several" })
    const other = signedHeaders(text, { id: "several", secret: nextSecret })["webhook-signature"]
    const answer = await deliver(receiver.url, text, { id: "several", headers: { "webhook-signature": `${other} ${headers["webhook-signature"]}` } })
    expect(answer.status).toBe(202)
  })
})

const sourcesWith = (secrets: ReadonlyArray<string>) => ({
  authorities: { wexcombe: { sources: { mosaic: { secrets, events: ["request.withdrawn"], roles: ["social_worker"] } } } }
})
const rotated = sourcesWith([nextSecret, secret])
const rotationDone = sourcesWith([nextSecret])

describe("the Standard Webhooks specification's signing vector", () => {
  // From the specification: secret, id, timestamp and payload; the signature below is the one it publishes.
  const vector = {
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    timestamp: 1614265330,
    payload: '{"test": 2432232314}',
    signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
  }
  const sources = { authorities: { wexcombe: { sources: { mosaic: { secrets: [vector.secret], events: ["request.withdrawn"], roles: ["social_worker"] } } } } }
  const headers = (signature: string) => ({
    "content-type": "application/json",
    "webhook-id": vector.id,
    "webhook-timestamp": String(vector.timestamp),
    "webhook-signature": signature
  })

  it("passes verification at the vector's instant (then fails the event's shape: 422, not 401), and nowhere else", async () => {
    const atVector = await startTestReceiver({ sources, now: () => vector.timestamp * 1000 + 299_000 })
    try {
      const post = (signature: string, body = vector.payload) =>
        fetch(`${atVector.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: headers(signature), body })
      const verified = await post(vector.signature)
      expect(verified.status).toBe(422)
      expect(((await verified.json()) as { problems: unknown }).problems).toEqual([{ path: "type", message: expect.stringContaining("must be one of") }])
      expect((await post(vector.signature, '{"test": 2432232315}')).status).toBe(401)
      expect((await post(vector.signature.replace("g0hM", "g0hN"))).status).toBe(401)
    } finally {
      await atVector.close()
    }
    const today = await startTestReceiver({ sources })
    try {
      const stale = await fetch(`${today.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: headers(vector.signature), body: vector.payload })
      expect(stale.status).toBe(401)
    } finally {
      await today.close()
    }
  })
})

describe("applying a delivery", () => {
  it("creates and submits a request from a verified request.submitted: 200 with the request it touched", async () => {
    const answer = await deliver(receiver.url, submitted("form-first"))
    expect(answer.body).toEqual({ deliveryId: expect.any(String), outcome: "applied", touched: [{ type: "request", id: expect.stringMatching(/^ref_/) }] })
    expect(answer.status).toBe(200)
  })
})
