import { type ConcurrencyConflict, EventStore, ReadModels, streamIdOf } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, event, row, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

export const appendAndReadSuite = (makeLayer: MakeStoreLayer) => {
  const a = authority("contract-a")

  it("numbers a new stream's events from 1 and reads them back as written, all or after a version", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const stream = streamOf(a, "s1")
        const data = { text: "é ✓ \u0000 \"quoted\"", nested: { list: [1, 2.5, null, true] }, big: 2 ** 52 }
        const first = yield* store.append(commit(stream, 0, { events: [event("Opened", data), event("Noted", null)] }))
        expect(first.version).toBe(2)
        expect(first.positions).toHaveLength(2)
        expect(first.positions[1]).toBeGreaterThan(first.positions[0]!)
        const events = yield* store.readStream(stream)
        expect(events.map((e) => [e.version, e.type, e.data, e.position])).toEqual([
          [1, "Opened", data, first.positions[0]],
          [2, "Noted", null, first.positions[1]]
        ])
        expect(events[0]?.stream).toEqual(stream)
        expect(Number.isNaN(Date.parse(events[0]!.recordedAt))).toBe(false)
        expect(yield* store.readStream(streamOf(a, "nobody"))).toEqual([])
        yield* store.append(commit(stream, 2, { events: [event("Closed", 3)] }))
        expect((yield* store.readStream(stream, { after: 1 })).map((e) => [e.version, e.type, e.data])).toEqual([
          [2, "Noted", null],
          [3, "Closed", 3]
        ])
        expect(yield* store.readStream(stream, { after: 3 })).toEqual([])
        expect(yield* store.readStream(stream, { after: 0 })).toEqual(yield* store.readStream(stream))
      })
    ))

  it("refuses a stale or early expected version with a typed ConcurrencyConflict and writes nothing", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const stream = streamOf(a, "s1")
        yield* store.append(commit(stream, 0, { events: [event("A", 1), event("B", 2)] }))
        for (const expectedVersion of [0, 1, 3, 7]) {
          const conflict = yield* Effect.flip(
            store.append(commit(stream, expectedVersion, { readModels: [row(a, "written-by-a-loser")] }))
          )
          expect(conflict._tag).toBe("ConcurrencyConflict")
          expect(conflict as ConcurrencyConflict).toMatchObject({
            streamId: streamIdOf(stream),
            expectedVersion,
            actualVersion: 2
          })
        }
        expect((yield* store.readStream(stream)).map((e) => e.version)).toEqual([1, 2])
        expect(yield* (yield* ReadModels).get("contract-rows", a, "written-by-a-loser")).toBeUndefined()
      })
    ))

  it("reads all events in position order, page by page, and positions match the append results", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const appended: Array<number> = []
        for (let i = 0; i < 7; i++) {
          const stream = streamOf(a, `s${i % 3}`)
          const version = (yield* store.readStream(stream)).length
          const result = yield* store.append(commit(stream, version, { events: [event("X", i), event("Y", i)] }))
          appended.push(...result.positions)
        }
        const pages: Array<number> = []
        let after = 0
        while (true) {
          const page = yield* store.readAll({ after, limit: 4 })
          if (page.length === 0) break
          expect(page.length).toBeLessThanOrEqual(4)
          pages.push(...page.map((e) => e.position))
          after = page[page.length - 1]!.position
        }
        expect(pages).toEqual(appended)
        expect([...pages].sort((x, y) => x - y)).toEqual(pages)
        expect(new Set(pages).size).toBe(14)
        expect((yield* store.readAll({ after: appended[9]!, limit: 100 })).map((e) => e.position)).toEqual(
          appended.slice(10)
        )
      })
    ))

  it("replaces a read-model row written again, with its index", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const readModels = yield* ReadModels
        const stream = streamOf(a, "s1")
        yield* store.append(commit(stream, 0, { readModels: [row(a, "r1", { status: "open" }, { v: 1 })] }))
        yield* store.append(commit(stream, 1, { readModels: [row(a, "r1", { status: "closed" }, { v: 2 })] }))
        expect((yield* readModels.get("contract-rows", a, "r1"))?.doc).toEqual({ v: 2 })
        const query = (status: string) => readModels.query({ collection: "contract-rows", authorityId: a, where: { status } })
        expect(yield* query("open")).toEqual([])
        expect((yield* query("closed")).map((r) => r.id)).toEqual(["r1"])
      })
    ))
}
