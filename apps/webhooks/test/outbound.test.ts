import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { outboundNotifier } from "../src/app/outboundNotifier.js"
import { startCaseSystem, verifyWebhook, withOutbound } from "./support/caseSystem.js"
import { approved, nextSecret, sourcesFor, submitted } from "./support/fixtures.js"
import { deliver, startTestReceiver, testConfig } from "./support/receiver.js"

const outboundSecret = nextSecret
let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>
let receiver: Awaited<ReturnType<typeof startTestReceiver>>

beforeAll(async () => {
  caseSystem = await startCaseSystem()
  const sources = withOutbound(sourcesFor(), caseSystem.url, outboundSecret)
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-outbound-"))
  const config = testConfig(dataDir, sources)
  receiver = await startTestReceiver({ dataDir, sources, dispatch: true, notifier: outboundNotifier(config.sources, 5_000) })
}, 60_000)

afterAll(async () => {
  await receiver?.close()
  await caseSystem?.close()
})

describe("outbound: outcomes go back to the source", () => {
  it("sends the request's outcome to the source that created it, signed, with the source's own form id", async () => {
    expect((await deliver(receiver.url, submitted("MOS-OUT-0001"))).status).toBe(200)
    expect((await deliver(receiver.url, approved("MOS-OUT-0001"))).status).toBe(200)
    const webhook = await caseSystem.waitFor((received) => received.find((r) => JSON.parse(r.body).data?.source?.reference === "MOS-OUT-0001"), 120_000)
    const verified = verifyWebhook(webhook, outboundSecret)
    expect(verified.data.source).toEqual({ sourceId: "mosaic", recordType: "request", reference: "MOS-OUT-0001" })
    expect(verified.data.authorityId).toBe("wexcombe")
    expect(typeof verified.data.facts).toBe("object")
    expect(JSON.stringify(verified)).not.toContain("Robin Ashdale")
    const documented = JSON.parse(/## Outbound[\s\S]*?```json\n([\s\S]*?)```/.exec(repositoryFile("docs/webhooks.md"))![1]!)
    expect(Object.keys(verified).sort(), "docs/webhooks.md's outbound example has the real shape").toEqual(Object.keys(documented).sort())
    expect(Object.keys(documented.data).every((key) => key in verified.data)).toBe(true)
    expect(Object.keys(documented.data.source).sort()).toEqual(Object.keys(verified.data.source as object).sort())
    const ids = caseSystem.received.map((r) => r.headers["webhook-id"])
    expect(new Set(ids).size, "each notification goes once").toBe(ids.length)
  }, 150_000)

  it("docs/webhooks.md's Node endpoint verifies a webhook the receiver sent, keeps it once, and answers 401 to a changed body", async () => {
    const doc = repositoryFile("docs/webhooks.md")
    const example = /```js\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf("## Outbound"), doc.indexOf("### Decision sheets")))![1]!
    expect((await deliver(receiver.url, submitted("MOS-OUT-0002"))).status).toBe(200)
    const sent = await caseSystem.waitFor((received) => received.find((r) => JSON.parse(r.body).data?.source?.reference === "MOS-OUT-0002"), 120_000)
    // Inside the app's folder, so `standardwebhooks` resolves as it would in an integrator's project.
    const dir = mkdtempSync(join(fileURLToPath(new URL("..", import.meta.url)), ".docs-endpoint-"))
    writeFileSync(join(dir, "endpoint.mjs"), example)
    const endpoint = spawn(process.execPath, ["endpoint.mjs"], { cwd: dir, env: { ...process.env, CAREPANEL_OUTBOUND_SECRET: outboundSecret, PORT: "0" } })
    let printed = ""
    endpoint.stdout.on("data", (chunk) => {
      printed += chunk
    })
    try {
      await expect.poll(() => printed, { timeout: 20_000 }).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n/)
      const url = /listening on (\S+)/.exec(printed)![1]!
      const headers = Object.fromEntries(["content-type", "webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(sent.headers[name])]))
      const post = (body: string) => fetch(url, { method: "POST", headers, body })
      expect((await post(sent.body)).status).toBe(204)
      expect((await post(sent.body)).status, "a repeat is answered alike").toBe(204)
      expect((await post(sent.body.replace("MOS-OUT-0002", "MOS-OUT-9999"))).status).toBe(401)
      const type = JSON.parse(sent.body).type as string
      expect(printed.split("\n").slice(1)).toEqual([`${type} for request MOS-OUT-0002 (${sent.headers["webhook-id"]})`, ""])
    } finally {
      endpoint.kill()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 150_000)
})

