import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { sourcesFor, submitted, teamManager } from "./support/fixtures.js"
import { spawnReceiver } from "./support/process.js"
import { signedHeaders } from "./support/receiver.js"
import { countOf, queryStore, sqliteAt } from "./support/storeQuery.js"

const attach = (n: number) =>
  JSON.stringify({ type: "document.attached", data: { formId: "form-crash", actor: teamManager, document: { documentId: `crash-doc-${n}`, kind: "other", title: `Note ${n}` } } })

describe("SIGKILL during a burst of 500 deliveries", () => {
  it("applies every delivery that was answered 2xx exactly once, after a restart and a resend of all 500", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-crash-"))
    const file = join(dir, "sources.json")
    writeFileSync(file, JSON.stringify(sourcesFor()))
    const env = { CAREPANEL_DATA_DIR: dir, CAREPANEL_WEBHOOK_SOURCES: file, CAREPANEL_LOG_LEVEL: "Warning" }
    const bodies = Array.from({ length: 500 }, (_, n) => attach(n))
    const headers = bodies.map((body, n) => signedHeaders(body, { id: `msg_crash_${n}` }))
    const first = await spawnReceiver(env)
    const request = JSON.stringify(submitted("form-crash"))
    expect((await fetch(`${first.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: signedHeaders(request), body: request })).status).toBe(200)

    // 50 senders in parallel, each sending the next delivery as soon as it has its answer, so that about 50 are in
    // flight when the 100th answer brings the kill, and the burst cannot all be answered first on a fast machine.
    const answered = new Set<number>()
    let next = 0
    const sender = async () => {
      while (next < bodies.length) {
        const n = next++
        const response = await fetch(`${first.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: headers[n]!, body: bodies[n]! }).catch(() => undefined)
        if (response !== undefined && response.status >= 200 && response.status < 300) answered.add(n)
        if (answered.size === 100) first.child.kill("SIGKILL")
      }
    }
    await Promise.all(Array.from({ length: 50 }, sender))
    await first.stop()
    expect(answered.size).toBeGreaterThanOrEqual(100)
    expect(answered.size).toBeLessThan(500)

    const store = sqliteAt(dir)
    const recorded = async () =>
      new Map((await queryStore<{ doc: string; n: number }>(store, "SELECT json_extract(data, '$.document.documentId') AS doc, COUNT(*) AS n FROM events WHERE type = 'DocumentRecorded' AND json_extract(data, '$.document.documentId') LIKE 'crash-doc-%' GROUP BY doc")).map((row) => [row.doc, Number(row.n)]))
    const afterCrash = await recorded()
    for (const n of answered) expect(afterCrash.get(`crash-doc-${n}`)).toBe(1)

    const second = await spawnReceiver(env)
    try {
      // A sender's retry keeps the webhook-id and signs again with a fresh timestamp, as Standard Webhooks senders do.
      for (let i = 0; i < bodies.length; i += 50) {
        const statuses = await Promise.all(
          bodies.slice(i, i + 50).map(async (body, j) => (await fetch(`${second.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers: signedHeaders(body, { id: `msg_crash_${i + j}` }), body })).status)
        )
        expect(new Set(statuses)).toEqual(new Set([200]))
      }
    } finally {
      await second.stop()
    }
    const afterResend = await recorded()
    expect(afterResend.size).toBe(500)
    expect([...afterResend.values()].every((count) => count === 1)).toBe(true)
    expect(await countOf(store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id LIKE 'msg_crash_%'")).toBe(500)
  }, 400_000)
})
