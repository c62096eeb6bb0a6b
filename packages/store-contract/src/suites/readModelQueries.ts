import { EventStore, type ReadModelQuery, ReadModels } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, row, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")

const seed = Effect.gen(function* () {
  const store = yield* EventStore
  const rows = [
    row(a, "r05", { status: "open", panel: "p1", members: ["m1", "m2"], urgent: true, size: 3 }),
    row(a, "r01", { status: "open", panel: "p2", members: ["m2"], urgent: false, size: 1 }),
    row(a, "r03", { status: "closed", panel: "p1", members: [], urgent: true, size: 3 }),
    row(a, "r02", { status: "open", panel: "p1", members: ["m3", "7", "true"], urgent: false, size: "3" }),
    row(a, "r04", { status: null, panel: "p1", members: ["m1"], urgent: true, size: 7 })
  ]
  yield* store.append(commit(streamOf(a, "seed"), 0, { readModels: rows }))
})

const ids = (query: Omit<ReadModelQuery, "collection" | "authorityId">) =>
  Effect.flatMap(ReadModels, (readModels) =>
    Effect.map(readModels.query({ collection: "contract-rows", authorityId: a, ...query }), (rows) => rows.map((r) => r.id))
  )

export const readModelQuerySuite = (makeLayer: MakeStoreLayer) => {
  it("filters by equality on index fields and membership in array fields, ordered by id", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        yield* seed
        expect(yield* ids({})).toEqual(["r01", "r02", "r03", "r04", "r05"])
        expect(yield* ids({ where: { status: "open" } })).toEqual(["r01", "r02", "r05"])
        expect(yield* ids({ where: { members: "m1" } })).toEqual(["r04", "r05"])
        expect(yield* ids({ where: { status: "open", panel: "p1" } })).toEqual(["r02", "r05"])
        expect(yield* ids({ where: { status: "open", panel: "p1", members: "m2" } })).toEqual(["r05"])
        expect(yield* ids({ where: { urgent: true } })).toEqual(["r03", "r04", "r05"])
        expect(yield* ids({ where: { status: "withdrawn" } })).toEqual([])
        expect(yield* ids({ where: { unknownField: "x" } })).toEqual([])
      })
    ))

  it("matches scalars by type and value, and array elements by the filter's string form", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        yield* seed
        expect(yield* ids({ where: { size: 3 } })).toEqual(["r03", "r05"])
        expect(yield* ids({ where: { size: "3" } })).toEqual(["r02"])
        expect(yield* ids({ where: { members: 7 } })).toEqual(["r02"])
        expect(yield* ids({ where: { members: true } })).toEqual(["r02"])
        expect(yield* ids({ where: { urgent: "true" } })).toEqual([])
      })
    ))

  it("filters on boolean fields equal to false as well as true, alone, combined and after a row is rewritten", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const flags = (id: string, flagged: boolean, held: boolean) =>
          row(a, id, { kind: "flag", flagged, held }, { id }, "contract-flags")
        const stream = streamOf(a, "flags")
        yield* store.append(
          commit(stream, 0, { readModels: [flags("f1", true, true), flags("f2", true, false), flags("f3", false, true), flags("f4", false, false)] })
        )
        const readModels = yield* ReadModels
        const flagIds = (where: Readonly<Record<string, string | boolean>>) =>
          Effect.map(readModels.query({ collection: "contract-flags", authorityId: a, where }), (rows) => rows.map((r) => r.id))
        expect(yield* flagIds({ flagged: true })).toEqual(["f1", "f2"])
        expect(yield* flagIds({ flagged: false })).toEqual(["f3", "f4"])
        expect(yield* flagIds({ held: false })).toEqual(["f2", "f4"])
        expect(yield* flagIds({ flagged: false, held: true })).toEqual(["f3"])
        expect(yield* flagIds({ kind: "flag", flagged: true, held: false })).toEqual(["f2"])
        expect(yield* flagIds({ flagged: "false" })).toEqual([])
        yield* store.append(commit(stream, 1, { readModels: [flags("f4", true, false)] }))
        expect(yield* flagIds({ flagged: false })).toEqual(["f3"])
        expect(yield* flagIds({ flagged: true, held: false })).toEqual(["f2", "f4"])
      })
    ))

  it("pages with afterId and limit", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        yield* seed
        expect(yield* ids({ limit: 2 })).toEqual(["r01", "r02"])
        expect(yield* ids({ afterId: "r02", limit: 2 })).toEqual(["r03", "r04"])
        expect(yield* ids({ afterId: "r04", limit: 2 })).toEqual(["r05"])
        expect(yield* ids({ afterId: "r05", limit: 2 })).toEqual([])
        expect(yield* ids({ where: { panel: "p1" }, afterId: "r02", limit: 2 })).toEqual(["r03", "r04"])
        expect(yield* ids({ where: { panel: "p1" }, afterId: "r0" })).toEqual(["r02", "r03", "r04", "r05"])
        expect(yield* ids({ limit: 0 })).toEqual([])
      })
    ))

  it("orders ids by code unit, as JavaScript compares strings, whatever the database's locale", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const ids = ["b", "B", "a-2", "A", "_", "10", "9", "a", "~", "Z"]
        yield* (yield* EventStore).append(
          commit(streamOf(a, "ordering"), 0, { readModels: ids.map((id) => row(a, id, { kind: "x" }, {}, "contract-order")) })
        )
        const readModels = yield* ReadModels
        const expected = [...ids].sort()
        const all = yield* readModels.query({ collection: "contract-order", authorityId: a })
        expect(all.map((r) => r.id)).toEqual(expected)
        const filtered = yield* readModels.query({ collection: "contract-order", authorityId: a, where: { kind: "x" }, afterId: "Z" })
        expect(filtered.map((r) => r.id)).toEqual(expected.filter((id) => id > "Z"))
      })
    ))

  it("returns rows with their index and document, and undefined for an unknown id", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        yield* seed
        const readModels = yield* ReadModels
        expect(yield* readModels.get("contract-rows", a, "r02")).toEqual(
          row(a, "r02", { status: "open", panel: "p1", members: ["m3", "7", "true"], urgent: false, size: "3" })
        )
        expect(yield* readModels.get("contract-rows", a, "r99")).toBeUndefined()
        expect(yield* readModels.get("other-collection", a, "r02")).toBeUndefined()
      })
    ))
}
