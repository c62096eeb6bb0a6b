import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AuthorityId, EventStore, type Notification, Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { childScriptArgs } from "./support/childScripts.js"

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-dispatch-"))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const authorityId = AuthorityId.make("crash-test")
const notifications: ReadonlyArray<Notification> = Array.from({ length: 60 }, (_, i) => ({
  id: `n-${i}`,
  authorityId,
  kind: "test",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: `Notification ${i}`,
  body: [],
  facts: {}
}))

/** A receiver on loopback that refuses 30% of requests (seeded, so a failure reproduces) and counts the rest. */
const startReceiver = async () => {
  let seed = 20_271_123
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const received = new Map<string, number>()
  const server = createServer((request, response) => {
    request.resume()
    request.on("end", () => {
      if (random() < 0.3) return response.writeHead(503).end()
      const id = String(request.headers["x-notification-id"])
      received.set(id, (received.get(id) ?? 0) + 1)
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }
}

const startDispatcher = (receiverUrl: string) => {
  const child = spawn(
    process.execPath,
    childScriptArgs("dispatcherChild"),
    { env: { ...process.env, CAREPANEL_DATA_DIR: dataDir, RECEIVER_URL: receiverUrl }, stdio: ["ignore", "pipe", "pipe"] }
  )
  const started = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  return { started, exited, kill: () => child.kill("SIGKILL") }
}

const inStore = <A, E>(effect: Effect.Effect<A, E, EventStore | Outbox>) =>
  Effect.runPromise(effect.pipe(Effect.provide(SqliteStoreLayer({ dataDir })), Effect.scoped) as Effect.Effect<A, never>)

const pendingCount = () =>
  inStore(Outbox.pipe(Effect.flatMap((outbox) => outbox.due("email", "9999-01-01T00:00:00.000Z", 1_000)), Effect.map((due) => due.length)))

/** Resolves once the receiver has counted at least `count` distinct notifications. */
const receivedAtLeast = async (received: ReadonlyMap<string, number>, count: number) => {
  while (received.size < count) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe("outbox dispatcher, killed with SIGKILL over the SQLite store", () => {
  it("delivers every committed notification at least once to a receiver that fails 30% of requests, and invents none", async () => {
    await inStore(
      Effect.gen(function* () {
        const store = yield* EventStore
        for (let i = 0; i < notifications.length; i += 10) {
          yield* store.append({
            stream: { authorityId, streamType: "test", id: `s-${i}` },
            expectedVersion: 0,
            events: [{ type: "Happened", data: { _tag: "Happened", i } }],
            readModels: [],
            notifications: notifications.slice(i, i + 10)
          })
        }
      })
    )
    const receiver = await startReceiver()
    try {
      // Two dispatchers die mid-delivery (their leases and scheduled retries left behind); a third finishes the work.
      for (const deliveredBeforeKill of [10, 30]) {
        const dispatcher = startDispatcher(receiver.url)
        await dispatcher.started
        await receivedAtLeast(receiver.received, deliveredBeforeKill)
        dispatcher.kill()
        await dispatcher.exited
        expect(await pendingCount(), "the kill landed after everything was delivered").toBeGreaterThan(0)
      }
      const last = startDispatcher(receiver.url)
      await last.started
      while ((await pendingCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 100))
      last.kill()
      await last.exited
    } finally {
      receiver.close()
    }
    expect([...receiver.received.keys()].sort()).toEqual(notifications.map((n) => n.id).sort())
    for (const count of receiver.received.values()) expect(count).toBeGreaterThanOrEqual(1)
  }, 120_000)
})
