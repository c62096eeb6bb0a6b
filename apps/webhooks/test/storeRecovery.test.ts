import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sourcesFor, submitted } from "./support/fixtures.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"
import { deliver } from "./support/receiver.js"
import { countOf, queryStore, sqliteAt } from "./support/storeQuery.js"

/**
 * A receiver process whose store breaks under it and is mended by an operator (a table restored, a lock let go)
 * answers as before once it is mended, without a restart: the sender's retries end the outage (docs/operations.md,
 * "When the store fails").
 */
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-recovery-"))
const store = sqliteAt(dataDir)
let receiver: ReceiverProcess

beforeAll(async () => {
  const sources = join(dataDir, "sources.json")
  writeFileSync(sources, JSON.stringify(sourcesFor()))
  receiver = await spawnReceiver({ CAREPANEL_DATA_DIR: dataDir, CAREPANEL_WEBHOOK_SOURCES: sources, CAREPANEL_LOG_LEVEL: "Warning" })
}, 60_000)
afterAll(() => receiver.stop())

const ready = async () => {
  const response = await fetch(`${receiver.url}/ready`)
  return { status: response.status, body: await response.json() }
}

describe("a receiver process whose store is broken under it, then mended", () => {
  it("answers 503, and /ready not ready, while the inbox table is renamed away; once it is back, the sender's retry after Retry-After is applied, once", async () => {
    // No delivery yet: the delivery's statements are first prepared while the table is away, as in any process whose
    // driver has let a statement go. Before, the failed preparation was kept for 10 minutes: 503 until a restart.
    await queryStore(store, "ALTER TABLE inbox RENAME TO inbox_away")
    const broken = await deliver(receiver.url, submitted("form-recovery", { id: "child-recovery-01", name: "Wren Halloway" }), { id: "msg_recovery" })
    expect(broken.status).toBe(503)
    expect(broken.retryAfter).toBe("5")
    expect(broken.body.type).toBe("https://carepanel.example/problems/try-again")
    expect(await ready()).toEqual({ status: 503, body: { ready: false, store: "reachable", migrations: "current", tables: "no such table: inbox" } })

    await queryStore(store, "ALTER TABLE inbox_away RENAME TO inbox")
    await sleep(Number(broken.retryAfter) * 1_000)
    const retried = await deliver(receiver.url, submitted("form-recovery", { id: "child-recovery-01", name: "Wren Halloway" }), { id: "msg_recovery" })
    expect(retried.status, JSON.stringify(retried.body)).toBe(200)
    expect(retried.body).toMatchObject({ deliveryId: "msg_recovery", outcome: "applied" })
    expect(await countOf(store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_recovery' AND outcome = 'applied'")).toBe(1)
    expect(await ready()).toEqual({ status: 200, body: { ready: true, store: "reachable", migrations: "current" } })
  }, 30_000)
})
