import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../../../packages/store-sql/dev/writeLockHolder.js"
import { submitted } from "./support/fixtures.js"
import { deliver, startTestReceiver } from "./support/receiver.js"
import { countOf } from "./support/storeQuery.js"

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-busy-"))
let receiver: Receiver
beforeAll(async () => {
  receiver = await startTestReceiver({ dataDir, store: SqliteStoreLayer({ dataDir, lockWaitMs: 1_000 }) })
  expect((await deliver(receiver.url, submitted("form-warm-up", { id: "child-warm-01", name: "Noor Whitfield" }))).status).toBe(200)
})
afterAll(() => receiver.close())

describe("another process holding the SQLite store's write lock (lock wait 1 s)", () => {
  it("answers 503 with Retry-After and records nothing; the sender's retry after the lock is gone is applied once", async () => {
    const held = await holdWriteLock(join(dataDir, "carepanel.sqlite"), 2_500)
    const busy = await deliver(receiver.url, submitted("form-busy"), { id: "msg_busy" })
    expect(busy.status).toBe(503)
    expect(busy.retryAfter).toBe("1")
    expect(busy.body.type).toBe("https://carepanel.example/problems/try-again")
    await held.released

    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_busy'")).toBe(0)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM inbox WHERE message_id = 'msg_busy'")).toBe(0)
    const retried = await deliver(receiver.url, submitted("form-busy"), { id: "msg_busy" })
    expect(retried.status).toBe(200)
    expect(retried.retryAfter).toBeNull()
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_busy' AND outcome = 'applied'")).toBe(1)
  }, 30_000)
})
