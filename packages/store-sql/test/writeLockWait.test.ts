import { join } from "node:path"
import { type Commit, EventStore, Outbox, PersistenceError } from "@carepanel/core"
import { Cause, Effect, Exit, ManagedRuntime, Option } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../dev/writeLockHolder.js"
import { SqliteStoreLayer } from "../src/index.js"
import { authorityA, streamNamed } from "./support/appendSome.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

/** The longest the event loop went without running a 10 ms timer, while `during` runs. */
const longestStall = async <A>(during: () => Promise<A>): Promise<{ readonly result: A; readonly stallMs: number }> => {
  let last = performance.now()
  let stallMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last - 10)
    last = now
  }, 10)
  try {
    return { result: await during(), stallMs }
  } finally {
    clearInterval(timer)
  }
}

/** A decision and its request's hearing: two records in one append, each with a notification. */
const twoRecords = (version: number): ReadonlyArray<Commit> =>
  ["decision-1", "request-1"].map((id) => ({
    stream: streamNamed(id),
    expectedVersion: version,
    events: [{ type: "AmountRecorded", data: { amount: version, note: id } }],
    readModels: [],
    notifications: [{ id: `${id}-${version}`, authorityId: authorityA, kind: "Test", recipients: [], headline: id, body: [], facts: {} }]
  }))

const openStore = (lockWaitMs: number) => {
  const dataDir = freshDataDir()
  return { file: join(dataDir, "carepanel.sqlite"), runtime: ManagedRuntime.make(SqliteStoreLayer({ dataDir, lockWaitMs })) }
}

describe("SQLite: another process holding the write lock", () => {
  it("leaves the event loop and reads free, then refuses the write as busy with nothing written, and takes it once the lock is gone", async () => {
    const { file, runtime } = openStore(1_500)
    const append = (version: number) => runtime.runPromiseExit(Effect.flatMap(EventStore, (store) => store.appendAll(twoRecords(version))))
    expect(Exit.isSuccess(await append(0))).toBe(true)

    const held = await holdWriteLock(file, 3_000)
    const startedAt = performance.now()
    const readsWhileWaiting: Array<number> = []
    const { result: refused, stallMs } = await longestStall(async () => {
      const write = append(1)
      // This process's reads are answered while its write waits for the lock.
      const read = await runtime.runPromise(Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 100 })))
      readsWhileWaiting.push(read.length, performance.now() - startedAt)
      return write
    })
    const waitedMs = performance.now() - startedAt
    console.info(`lock held elsewhere: longest event-loop stall ${stallMs.toFixed(0)} ms; write refused after ${waitedMs.toFixed(0)} ms`)

    // Before, the driver waited inside the event loop for the whole wait (1.5 s here).
    expect(stallMs).toBeLessThan(1_000)
    expect(readsWhileWaiting[0]).toBe(2)
    expect(waitedMs).toBeGreaterThanOrEqual(1_400)
    const failure = Exit.isFailure(refused) ? Cause.failureOption(refused.cause) : Option.none()
    expect(Option.getOrUndefined(failure)).toBeInstanceOf(PersistenceError)
    expect(Option.getOrUndefined(failure)).toMatchObject({ operation: "save the change", retryAfterSeconds: 2 })
    await held.released

    const store = await runtime.runPromise(
      Effect.all({
        decision: Effect.flatMap(EventStore, (store) => store.readStream(streamNamed("decision-1"))),
        request: Effect.flatMap(EventStore, (store) => store.readStream(streamNamed("request-1"))),
        queued: Effect.flatMap(Outbox, (outbox) => outbox.due("email", "9999-12-31T00:00:00.000Z", 100))
      })
    )
    expect(store.decision.map((event) => event.version)).toEqual([1])
    expect(store.request.map((event) => event.version)).toEqual([1])
    expect(store.queued.map((entry) => entry.notification.id)).toEqual(["decision-1-0", "request-1-0"])

    expect(Exit.isSuccess(await append(1))).toBe(true)
    const after = await runtime.runPromise(Effect.flatMap(EventStore, (store) => store.readStream(streamNamed("decision-1"))))
    expect(after.map((event) => event.version)).toEqual([1, 2])
    await runtime.dispose()
  }, 30_000)

  it("waits out a lock held for less than the wait, and the write then goes through", async () => {
    const { file, runtime } = openStore(5_000)
    const append = (version: number) => runtime.runPromiseExit(Effect.flatMap(EventStore, (store) => store.appendAll(twoRecords(version))))
    expect(Exit.isSuccess(await append(0))).toBe(true)
    const held = await holdWriteLock(file, 800)
    const written = await append(1)
    await held.released
    expect(Exit.isSuccess(written)).toBe(true)
    const decision = await runtime.runPromise(Effect.flatMap(EventStore, (store) => store.readStream(streamNamed("decision-1"))))
    expect(decision.map((event) => event.version)).toEqual([1, 2])
    await runtime.dispose()
  }, 30_000)
})
