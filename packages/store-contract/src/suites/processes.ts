import { setTimeout as sleep } from "node:timers/promises"
import { expect, it } from "vitest"
import { watchWriter } from "../processes/watchWriter.js"
import type { SharedStore, WriterSpec } from "../StoreContractOptions.js"
import { checkCounterStream, checkPairedStreams } from "../support/checkStream.js"
import { type Ack, counterWriter } from "../support/counterWriter.js"
import { authority, streamOf } from "../support/fixtures.js"
import { raceTimeoutMs } from "./multiStream.js"
import { runWith } from "../support/runStore.js"
import { newestPosition } from "@carepanel/core"
import { expectFeedMatchesLog, positionsUntil, takeFromFeed } from "../support/feed.js"

const base = { authorityId: "contract-a", streamType: "contract-counter" }
const streamFor = (spec: Pick<WriterSpec, "streamId">) => streamOf(authority(base.authorityId), spec.streamId, base.streamType)

const withSharedStore = async (make: () => Promise<SharedStore>, test: (store: SharedStore) => Promise<void>) => {
  const store = await make()
  try {
    await test(store)
  } finally {
    await store.dispose?.()
  }
}

/** Starts one writer process per name, lets them go together once all are ready, and returns every ack. */
const raceWriters = async (shared: SharedStore, spec: Omit<WriterSpec, "writer">, writers = ["first", "second"]) => {
  const processes = writers.map((writer) => shared.spawnWriter({ ...spec, writer }))
  const children = processes.map(watchWriter)
  await Promise.race([
    Promise.all(children.map((child) => child.ready)),
    ...children.map((child) =>
      child.exited.then((exit) => {
        throw new Error(`a writer exited before it was ready (${exit.code ?? exit.signal}): ${exit.stderr}`)
      })
    )
  ])
  for (const child of processes) child.stdin?.write("go\n")
  const exits = await Promise.all(children.map((child) => child.exited))
  for (const exit of exits) expect(exit.code, exit.stderr).toBe(0)
  return children.flatMap((child) => child.acks)
}

export const processesSuite = (makeSharedStore: () => Promise<SharedStore>) => {
  it("keeps every acknowledged append, and nothing half-written, when a writer process of 4 fibres is killed with SIGKILL", () =>
    withSharedStore(makeSharedStore, async (shared) => {
      // Four fibres on one stream: a store that groups commits has several in flight, some conflicting, when killed.
      const fibres = 4
      const spec = { ...base, streamId: "killed", count: 1_000_000, fibres }
      const acks: Array<Ack> = []
      const rounds = 3
      for (let round = 1; round <= rounds; round++) {
        const child = shared.spawnWriter({ ...spec, writer: `killed${round}` })
        const watched = watchWriter(child)
        await watched.acked(20 + Math.floor(Math.random() * 20))
        await sleep(Math.random() * 3)
        child.kill("SIGKILL")
        const exit = await watched.exited
        expect(exit.signal, exit.stderr).toBe("SIGKILL")
        acks.push(...watched.acks)
        const written = await runWith(shared.layer, checkCounterStream(streamFor(spec), acks))
        expect(written.length - acks.length).toBeGreaterThanOrEqual(0)
        // Written but never acknowledged: at most the commits in flight when each process was killed.
        expect(written.length - acks.length).toBeLessThanOrEqual(round * fibres)
        await shared.verifyIntegrity?.()
      }
      const after = await runWith(shared.layer, counterWriter(streamFor(spec), "after-restart", 3))
      expect(after.acks).toHaveLength(3)
      await runWith(shared.layer, checkCounterStream(streamFor(spec), [...acks, ...after.acks]))
      await shared.verifyIntegrity?.()
    }))

  it("loses nothing when two processes append to one stream at the same time; this process's change feed hears all of it in order, and its positions feed reaches the end", () =>
    withSharedStore(makeSharedStore, async (shared) => {
      const spec = { ...base, streamId: "shared", count: 150, pauseMs: 2, waitForGo: true }
      const after = await runWith(shared.layer, newestPosition)
      // The feed follows the store from this process, on its own connection, while the writers append from theirs.
      const fed = runWith(shared.layer, takeFromFeed(after, 2 * spec.count, "300 seconds"))
      const ends = runWith(shared.layer, positionsUntil(after, after + 2 * spec.count, "300 seconds"))
      const acks = await raceWriters(shared, spec)
      expect(acks).toHaveLength(2 * spec.count)
      const written = await runWith(shared.layer, checkCounterStream(streamFor(spec), acks))
      expect(written).toHaveLength(2 * spec.count)
      const switches = written.filter((w, i) => i > 0 && w.writer !== written[i - 1]!.writer).length
      expect(switches, "the two processes did not overlap").toBeGreaterThan(2)
      const events = await fed
      expect(events.map((e) => e.data)).toEqual(written)
      await runWith(shared.layer, expectFeedMatchesLog(after, events))
      // The positions feed (what an API or terminal follows to know that something changed) reached the end too.
      expect((await ends).at(-1)).toBe(after + 2 * spec.count)
      await shared.verifyIntegrity?.()
    }))

  it("keeps both records whole when two processes race 500 two-record commits each", () =>
    withSharedStore(makeSharedStore, async (shared) => {
      const spec = { ...base, streamId: "paired-a", pairedStreamId: "paired-b", count: 500, waitForGo: true }
      const acks = await raceWriters(shared, spec)
      expect(acks).toHaveLength(2 * spec.count)
      const streams = [streamFor(spec), streamFor({ streamId: spec.pairedStreamId })]
      const written = await runWith(shared.layer, checkPairedStreams(streams, acks))
      const switches = written.filter((w, i) => i > 0 && w.writer !== written[i - 1]!.writer).length
      expect(switches, "the two processes did not overlap").toBeGreaterThan(2)
      await shared.verifyIntegrity?.()
    }), raceTimeoutMs)
}
