import { EventStore, ReadModels } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, event, row, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")
const b = authority("contract-b")

/** Both authorities hold a stream and rows with the same ids. */
const seed = Effect.gen(function* () {
  const store = yield* EventStore
  for (let i = 0; i < 3; i++) {
    for (const authorityId of [a, b]) {
      const stream = streamOf(authorityId, "same-id")
      yield* store.append(
        commit(stream, i, {
          events: [event("Counted", { authorityId, i })],
          readModels: [row(authorityId, `row-${i}`, { status: "open", owner: authorityId }, { authorityId })]
        })
      )
    }
  }
})

export const tenancySuite = (makeLayer: MakeStoreLayer) => {
  it("never returns another authority's events, rows or streams", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        yield* seed
        const store = yield* EventStore
        const readModels = yield* ReadModels
        for (const [mine, theirs] of [
          [a, b],
          [b, a]
        ] as const) {
          const events = yield* store.readAll({ after: 0, limit: 100, authorityId: mine })
          expect(events).toHaveLength(3)
          expect(events.every((e) => e.stream.authorityId === mine && (e.data as { authorityId: string }).authorityId === mine)).toBe(true)
          const stream = yield* store.readStream(streamOf(mine, "same-id"))
          expect(stream.map((e) => (e.data as { authorityId: string }).authorityId)).toEqual([mine, mine, mine])
          const rows = yield* readModels.query({ collection: "contract-rows", authorityId: mine, where: { status: "open" } })
          expect(rows.map((r) => r.doc)).toEqual([{ authorityId: mine }, { authorityId: mine }, { authorityId: mine }])
          expect(yield* readModels.query({ collection: "contract-rows", authorityId: mine, where: { owner: theirs } })).toEqual([])
          expect((yield* readModels.get("contract-rows", mine, "row-1"))?.authorityId).toBe(mine)
        }
        expect(yield* readModels.get("contract-rows", authority("contract-c"), "row-1")).toBeUndefined()
        expect(yield* store.readAll({ after: 0, limit: 100, authorityId: authority("contract-c") })).toEqual([])
        expect(yield* store.readAll({ after: 0, limit: 100 })).toHaveLength(6)
      })
    ))
}
