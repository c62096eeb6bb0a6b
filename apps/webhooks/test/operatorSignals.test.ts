import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { LogLevel } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { submitted, withdrawn } from "./support/fixtures.js"
import { spawnReceiver } from "./support/process.js"
import { deliver, startTestReceiver } from "./support/receiver.js"
import { queryStore } from "./support/storeQuery.js"

/**
 * What an operator or a load balancer sees of the receiver running in this process (operators.test.ts sees the same of
 * a receiver process, which mutation testing cannot reach): /health and /ready, a store failure answered 503, and the
 * log lines of a delivery, which name it but never carry its body or a child's name.
 */
interface LogLine {
  readonly message: string
  readonly logLevel: string
  readonly annotations: Record<string, unknown>
}

const child = { id: "child-signal-01", name: "Juniper Oakfield" }
const written: Array<string> = []
const logged = () => written.map((line) => JSON.parse(line) as LogLine)
let receiver: Awaited<ReturnType<typeof startTestReceiver>>

beforeAll(async () => {
  receiver = await startTestReceiver({ logLevel: LogLevel.Info, log: (line) => written.push(line) })
})
afterAll(() => receiver.close())

describe("/health and /ready", () => {
  it("/health answers while the process runs; /ready says ready only while the store holds the schema this version expects", async () => {
    const health = await fetch(`${receiver.url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok" })
    const ready = await fetch(`${receiver.url}/ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, store: "reachable", migrations: "current" })

    // A newer version has migrated the database this receiver uses: it must not take deliveries.
    const [latest] = await queryStore<{ id: number | string }>(receiver.store, "SELECT MAX(migration_id) AS id FROM carepanel_migrations")
    const current = Number(latest?.id)
    await queryStore(receiver.store, "INSERT INTO carepanel_migrations (migration_id, name) VALUES (?, 'from a newer version')", [current + 1])
    try {
      const ahead = await fetch(`${receiver.url}/ready`)
      expect(ahead.status).toBe(503)
      expect(await ahead.json()).toEqual({ ready: false, store: "reachable", migrations: `the database is at ${current + 1}, this version expects ${current}` })
    } finally {
      await queryStore(receiver.store, "DELETE FROM carepanel_migrations WHERE migration_id = ?", [current + 1])
    }
    expect((await fetch(`${receiver.url}/ready`)).status).toBe(200)
  })
})

describe("a delivery the store cannot take", () => {
  it("is answered 503 with Retry-After, and logged as one error naming the delivery, the error's kind and the store's own words, not its body", async () => {
    const lines: Array<string> = []
    // A receiver of its own: its store loses a table under it (storeRecovery.test.ts: a receiver process answers again once it is back).
    const broken = await startTestReceiver({ logLevel: LogLevel.Info, log: (line) => lines.push(line) })
    try {
      await queryStore(broken.store, "ALTER TABLE inbox RENAME TO inbox_away")
      const failed = await deliver(broken.url, submitted("form-signal-503", child), { id: "msg_signal_503" })
      expect(failed.status).toBe(503)
      expect(failed.retryAfter).toBe("5")
      expect(failed.body).toMatchObject({ status: 503, title: "The delivery could not be stored just now; please send it again." })
    } finally {
      await broken.close()
    }
    const errors = lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.logLevel === "ERROR")
    expect(errors).toEqual([
      expect.objectContaining({ message: "delivery failed; answered 503", annotations: { deliveryId: "msg_signal_503", source: "mosaic", error: "PersistenceError", storeError: "no such table: inbox" } })
    ])
    expect(lines.join("\n")).not.toContain(child.name)
  })
})

describe("the log of a delivery", () => {
  it("a webhook-id reused with another body is one error line with the alert, the id and the authority", async () => {
    await deliver(receiver.url, submitted("form-signal-reused", child), { id: "msg_signal_reused" })
    written.length = 0
    expect((await deliver(receiver.url, withdrawn("form-signal-reused"), { id: "msg_signal_reused" })).status).toBe(409)
    expect(logged().filter((line) => line.logLevel === "ERROR")).toEqual([
      expect.objectContaining({
        message: "alert: a webhook-id was reused with a different body",
        annotations: { alert: true, deliveryId: "msg_signal_reused", authority: "wexcombe" }
      })
    ])
    written.length = 0
    expect((await deliver(receiver.url, submitted("form-signal-reused", child), { id: "msg_signal_reused" })).status).toBe(200)
    expect(logged().filter((line) => line.logLevel === "ERROR")).toEqual([])
  })

  it("a body that is not stored (422) is one info line with the delivery's address and status, not its body", async () => {
    written.length = 0
    const request = submitted("form-signal-422", child)
    const body = { ...request, data: { ...request.data, actor: { ...request.data.actor, role: "wizard" } } }
    expect((await deliver(receiver.url, body, { id: "msg_signal_422" })).status).toBe(422)
    expect(logged()).toEqual([
      expect.objectContaining({
        message: "delivery not stored",
        logLevel: "INFO",
        annotations: { authority: "wexcombe", source: "mosaic", deliveryId: "msg_signal_422", status: 422 }
      })
    ])
    expect(written.join("\n")).not.toContain(child.name)
  })

})

describe("starting", () => {
  it("refuses to start, naming the database, when its store cannot be opened", async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), "carepanel-webhooks-")), "a-file")
    writeFileSync(notADirectory, "")
    await expect(startTestReceiver({ store: SqliteStoreLayer({ dataDir: notADirectory }) })).rejects.toThrow(`dataDir ${notADirectory} is not a writable directory: a file with that name exists`)
  })

  it("a receiver process whose data directory is a file stops with one line naming CAREPANEL_DATA_DIR", async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), "carepanel-webhooks-")), "a-file")
    writeFileSync(notADirectory, "")
    const failed = await spawnReceiver({ CAREPANEL_DATA_DIR: notADirectory, DATABASE_URL: "" }).then(
      async (started) => {
        await started.stop()
        return "it started"
      },
      (error: Error) => error.message
    )
    expect(failed.split("\n").filter((line) => line.trim() !== "")).toEqual([
      "the receiver exited (1) before listening:",
      `Cannot start: CAREPANEL_DATA_DIR ${notADirectory} is not a writable directory: a file with that name exists`
    ])
  })

  it("a receiver process opens the store in a relative CAREPANEL_DATA_DIR under the directory npm was started in (INIT_CWD), as the API and the terminal do", async () => {
    const startedIn = mkdtempSync(join(tmpdir(), "carepanel-webhooks-npm-"))
    const started = await spawnReceiver({ INIT_CWD: startedIn, CAREPANEL_DATA_DIR: "shared-data", DATABASE_URL: "" })
    try {
      expect(existsSync(join(startedIn, "shared-data", "carepanel.sqlite"))).toBe(true)
    } finally {
      await started.stop()
    }
  })

  it("refuses to start on a port another process listens on, saying so, and closes the store it opened first", async () => {
    const port = Number(new URL(receiver.url).port)
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-"))
    await expect(startTestReceiver({ port, dataDir })).rejects.toThrow(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`)
    // SQLite folds the -wal file back into the database and removes it as its last connection closes.
    expect(existsSync(join(dataDir, "carepanel.sqlite"))).toBe(true)
    expect(existsSync(join(dataDir, "carepanel.sqlite-wal"))).toBe(false)
  })

  it("gives its address on an IPv6 host in brackets, as a URL", async () => {
    const onIpv6 = await startTestReceiver({ host: "::1" })
    try {
      expect(onIpv6.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
      expect((await fetch(`${onIpv6.url}/health`)).status).toBe(200)
    } finally {
      await onIpv6.close()
    }
  })
})
