import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { authority, nextSecret, withdrawn } from "./support/fixtures.js"
import { signedHeaders, startTestReceiver } from "./support/receiver.js"

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
beforeAll(async () => {
  receiver = await startTestReceiver()
})
afterAll(() => receiver.close())

const body = JSON.stringify(withdrawn("form-fuzz"))
interface Delivery {
  readonly path: string
  readonly body: Buffer
  readonly "content-type": string
  readonly "webhook-id": string
  readonly "webhook-timestamp": string
  readonly "webhook-signature": string
}
const delivery = (id: string): Delivery => ({ ...(signedHeaders(body, { id }) as Omit<Delivery, "path" | "body">), path: `/webhooks/${authority}/mosaic`, body: Buffer.from(body) })

const flipByte = (bytes: Buffer, at: number, xor: number) => {
  const out = Buffer.from(bytes)
  out[at % out.length] = out[at % out.length]! ^ (xor || 1)
  return out
}

/** One change to a part the signature covers, or to which secret or source it is checked against. */
const mutation: fc.Arbitrary<(d: Delivery) => Delivery> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => (d: Delivery) => ({ ...d, body: flipByte(d.body, at, xor) })),
  fc.nat().map((cut) => (d: Delivery) => ({ ...d, body: d.body.subarray(0, cut % d.body.length) })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, extra]) => (d: Delivery) => {
    const i = at % (d.body.length + 1)
    return { ...d, body: Buffer.concat([d.body.subarray(0, i), extra, d.body.subarray(i)]) }
  }),
  // Printable, no spaces: HTTP trims a header value's surrounding whitespace, so a trailing space is no change.
  fc.stringMatching(/^[\x21-\x7e]{1,4}$/).map((suffix) => (d: Delivery) => ({ ...d, "webhook-id": `${d["webhook-id"]}${suffix}` })),
  fc.integer({ min: -600, max: 600 }).filter((shift) => shift !== 0).map((shift) => (d: Delivery) => ({ ...d, "webhook-timestamp": String(Number(d["webhook-timestamp"]) + shift) })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => (d: Delivery) => {
    const [, signature] = d["webhook-signature"].split(",")
    const raw = Buffer.from(signature!, "base64")
    return { ...d, "webhook-signature": `v1,${flipByte(raw, at, xor).toString("base64")}` }
  }),
  fc.constantFrom("v0", "v1a", "V1", "v2", "").map((version) => (d: Delivery) => ({ ...d, "webhook-signature": d["webhook-signature"].replace("v1", version) })),
  fc.nat().map((cut) => (d: Delivery) => ({ ...d, "webhook-signature": d["webhook-signature"].slice(0, 3 + (cut % (d["webhook-signature"].length - 3))) })),
  fc.constant((d: Delivery) => ({ ...d, ...signedHeaders(d.body.toString(), { id: d["webhook-id"], timestamp: Number(d["webhook-timestamp"]), secret: nextSecret }) })),
  fc.constantFrom(`/webhooks/${authority}/eclipse`, "/webhooks/lincolnshire/mosaic", `/webhooks/${authority}/mosaic-2`).map((path) => (d: Delivery) => ({ ...d, path }))
)

const post = (d: Delivery) => {
  const { path, body: bytes, ...headers } = d
  return fetch(`${receiver.url}${path}`, { method: "POST", headers, body: bytes })
}

describe("10,000 mutations of a valid delivery, over HTTP", () => {
  it("accepts the valid delivery, and none of its mutations (every one is 401)", async () => {
    expect((await post(delivery("msg_fuzz_original"))).status).toBe(202)
    const fresh = delivery("msg_fuzz_base")
    const isUnchanged = (d: Delivery) =>
      d.path === fresh.path && d.body.equals(fresh.body) && d["webhook-id"] === fresh["webhook-id"] &&
      d["webhook-timestamp"] === fresh["webhook-timestamp"] && d["webhook-signature"] === fresh["webhook-signature"]
    // fast-check generates the mutations; they are sent 50 at a time so the run takes seconds, not minutes.
    const mutated = fc
      .sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { numRuns: 10_500, seed: 11 })
      .map((changes) => changes.reduce((d, change) => change(d), fresh))
      .filter((d) => !isUnchanged(d))
      .slice(0, 10_000)
    expect(mutated).toHaveLength(10_000)
    const statuses: number[] = []
    for (let i = 0; i < mutated.length; i += 50) {
      statuses.push(...(await Promise.all(mutated.slice(i, i + 50).map(async (d) => (await post(d)).status))))
    }
    const accepted = mutated.filter((_, i) => statuses[i]! < 300)
    expect(accepted).toEqual([])
    expect(new Set(statuses)).toEqual(new Set([401]))
  }, 400_000)
})
