import { mkdtempSync, readFileSync } from "node:fs"
import { createServer, type IncomingHttpHeaders } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AddressInfo } from "node:net"
import { Webhook } from "standardwebhooks"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { outboundNotifier } from "../src/app/outboundNotifier.js"
import { approved, eclipseSecret, nextSecret, sourcesFor, submitted } from "./support/fixtures.js"
import { deliver, startTestReceiver, testConfig } from "./support/receiver.js"

/** The case system's side: a real HTTP endpoint that keeps what it was sent. */
interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
}
const received: Array<Received> = []
const caseSystem = createServer((request, response) => {
  let body = ""
  request.on("data", (chunk) => {
    body += chunk
  })
  request.on("end", () => {
    received.push({ headers: request.headers, body })
    response.writeHead(204).end()
  })
})

const outboundSecret = nextSecret
const webhooksDoc = new URL("../../../docs/webhooks.md", import.meta.url)
let receiver: Awaited<ReturnType<typeof startTestReceiver>>

beforeAll(async () => {
  await new Promise<void>((resolve) => caseSystem.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(caseSystem.address() as AddressInfo).port}/carepanel-outcomes`
  const sources = sourcesFor()
  const withOutbound = {
    authorities: {
      wexcombe: {
        sources: {
          ...sources.authorities.wexcombe.sources,
          mosaic: { ...sources.authorities.wexcombe.sources.mosaic, outbound: { url, secrets: [outboundSecret], allowPrivateNetwork: true } },
          eclipse: { ...sources.authorities.wexcombe.sources.eclipse, secrets: [eclipseSecret] }
        }
      }
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-outbound-"))
  const config = testConfig(dataDir, withOutbound)
  receiver = await startTestReceiver({ dataDir, sources: withOutbound, dispatch: true, notifier: outboundNotifier(config.sources, 5_000) })
}, 60_000)

afterAll(async () => {
  await receiver?.close()
  caseSystem.close()
})

const waitFor = async <A>(find: () => A | undefined, ms = 30_000): Promise<A> => {
  const until = Date.now() + ms
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error("nothing arrived in time")
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe("outbound: outcomes go back to the source", () => {
  it("sends the request's outcome to the source that created it, signed, with the source's own form id", async () => {
    expect((await deliver(receiver.url, submitted("MOS-OUT-0001"))).status).toBe(200)
    expect((await deliver(receiver.url, approved("MOS-OUT-0001"))).status).toBe(200)
    const webhook = await waitFor(() => received.find((r) => JSON.parse(r.body).data?.source?.reference === "MOS-OUT-0001"), 120_000)
    const verified = new Webhook(outboundSecret).verify(webhook.body, {
      "webhook-id": String(webhook.headers["webhook-id"]),
      "webhook-timestamp": String(webhook.headers["webhook-timestamp"]),
      "webhook-signature": String(webhook.headers["webhook-signature"])
    }) as { type: string; data: Record<string, unknown> }
    expect(verified.data.source).toEqual({ sourceId: "mosaic", recordType: "request", reference: "MOS-OUT-0001" })
    expect(verified.data.authorityId).toBe("wexcombe")
    expect(typeof verified.data.facts).toBe("object")
    expect(JSON.stringify(verified)).not.toContain("Robin Ashdale")
    const documented = JSON.parse(/## Outbound[\s\S]*?```json\n([\s\S]*?)```/.exec(readFileSync(webhooksDoc, "utf8"))![1]!)
    expect(Object.keys(verified).sort(), "docs/webhooks.md's outbound example has the real shape").toEqual(Object.keys(documented).sort())
    expect(Object.keys(documented.data).every((key) => key in verified.data)).toBe(true)
    expect(Object.keys(documented.data.source).sort()).toEqual(Object.keys(verified.data.source as object).sort())
    const ids = received.map((r) => r.headers["webhook-id"])
    expect(new Set(ids).size, "each notification goes once").toBe(ids.length)
  }, 150_000)
})

