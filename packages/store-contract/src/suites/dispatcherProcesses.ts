import type { ChildProcess } from "node:child_process"
import { setTimeout as sleep } from "node:timers/promises"
import { type NotificationChannel, notificationChannels, Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { type WatchedDispatcher, watchDispatcher } from "../processes/watchDispatcher.js"
import type { DispatcherSpec, SharedStore } from "../StoreContractOptions.js"
import { authority, notification } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"
import { raceTimeoutMs } from "./multiStream.js"

const a = authority("contract-a")
const count = 2_000
const ids = Array.from({ length: count }, (_, i) => `dispatch-${i}`)

type Spawn = (spec: DispatcherSpec) => ChildProcess

const enqueueAll = (shared: SharedStore) =>
  runWith(
    shared.layer,
    Effect.flatMap(Outbox, (outbox) => outbox.enqueue(ids.map((id) => notification(a, id)), new Date().toISOString()))
  )

const pendingLeft = (shared: SharedStore) =>
  runWith(
    shared.layer,
    Effect.flatMap(Outbox, (outbox) =>
      Effect.map(
        Effect.forEach(notificationChannels, (channel) => outbox.due(channel, "9999-01-01T00:00:00.000Z", 1)),
        (due) => due.flat().length
      )
    )
  )

/**
 * Starts one dispatcher process per channel listed and waits until each has opened the store. `leaseMs` gives each
 * process's lease by its place in the list.
 */
const startDispatchers = async (spawn: Spawn, channels: ReadonlyArray<NotificationChannel>, leaseMs: (index: number) => number) => {
  const children = channels.map((channel, index) => spawn({ leaseMs: leaseMs(index), channel }))
  const watched = children.map(watchDispatcher)
  await Promise.all(watched.map((w) => w.ready))
  return { children, watched }
}

/** Polls until nothing is pending on any channel, then stops the dispatchers. */
const waitUntilDrained = async (shared: SharedStore, children: ReadonlyArray<ChildProcess>, watched: ReadonlyArray<WatchedDispatcher>) => {
  while ((await pendingLeft(shared)) > 0) await sleep(250)
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
  await Promise.all(watched.map((w) => w.exited))
}

const deliveriesById = (watched: ReadonlyArray<WatchedDispatcher>) => {
  const counts = new Map<string, number>()
  for (const id of watched.flatMap((w) => w.delivered)) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** The dispatchers of one channel, by the channels they were started with. */
const ofChannel = (watched: ReadonlyArray<WatchedDispatcher>, channels: ReadonlyArray<NotificationChannel>, channel: NotificationChannel) =>
  watched.filter((_, i) => channels[i] === channel)

export const dispatcherProcessesSuite = (makeSharedStore: () => Promise<SharedStore>) => {
  const withStore = async (test: (shared: SharedStore, spawn: Spawn) => Promise<void>) => {
    const shared = await makeSharedStore()
    try {
      await test(shared, shared.spawnDispatcher!)
    } finally {
      await shared.dispose?.()
    }
  }

  it(`delivers each of ${count.toLocaleString("en-GB")} notifications exactly once per channel with 2 email and 2 webhook dispatcher processes on one store`, () =>
    withStore(async (shared, spawn) => {
      await enqueueAll(shared)
      const channels = ["email", "webhook", "email", "webhook"] as const
      const { children, watched } = await startDispatchers(spawn, channels, () => 120_000)
      await waitUntilDrained(shared, children, watched)
      for (const channel of notificationChannels) {
        const counts = deliveriesById(ofChannel(watched, channels, channel))
        expect([...counts.keys()].sort(), channel).toEqual([...ids].sort())
        expect([...counts.entries()].filter(([, n]) => n !== 1), channel).toEqual([])
      }
      expect(watched.filter((w) => w.delivered.length > 0).length, "the dispatchers of a channel did not share the work").toBeGreaterThan(2)
    }), raceTimeoutMs)

  it("loses none when an email dispatcher process is killed with SIGKILL; only its leases go twice, and the webhook channel is untouched", () =>
    withStore(async (shared, spawn) => {
      await enqueueAll(shared)
      const channels = ["email", "email", "webhook", "webhook"] as const
      // Only the victim's leases must run out for the test to end; the others' are long, so that a process starved of CPU
      // on a busy machine does not see its own lease expire mid-delivery and send twice (at-least-once, but not this test).
      const { children, watched } = await startDispatchers(spawn, channels, (index) => (index === 0 ? 5_000 : 120_000))
      const [victim] = watched
      while (victim!.delivered.length < 50) await sleep(20)
      children[0]!.kill("SIGKILL")
      expect((await victim!.exited).signal).toBe("SIGKILL")
      await waitUntilDrained(shared, children, watched)
      const email = deliveriesById(ofChannel(watched, channels, "email"))
      expect([...email.keys()].sort()).toEqual([...ids].sort())
      const twice = [...email.entries()].filter(([, n]) => n > 1).map(([id]) => id)
      const victimLeases = new Set(victim!.claimed)
      expect(twice.filter((id) => !victimLeases.has(id))).toEqual([])
      expect([...email.values()].every((n) => n <= 2)).toBe(true)
      const webhook = deliveriesById(ofChannel(watched, channels, "webhook"))
      expect([...webhook.keys()].sort()).toEqual([...ids].sort())
      expect([...webhook.entries()].filter(([, n]) => n !== 1)).toEqual([])
    }), raceTimeoutMs)
}
