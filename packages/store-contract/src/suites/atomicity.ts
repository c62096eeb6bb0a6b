import { type AuthorityId, EventStore, Outbox, type ReadModelRow, ReadModels } from "@carepanel/core"
import { Effect, Exit } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, event, notification, row, streamOf, throwingRow } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")

/**
 * A commit whose read-model write fails after its events: a store that writes in order (events, rows,
 * outbox) has inserted the events when the bad row fails, so only a real transaction hides them.
 */
const failedCommitLeavesNoTrace = (failing: (authorityId: AuthorityId) => ReadModelRow) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const readModels = yield* ReadModels
    const outbox = yield* Outbox
    const stream = streamOf(a, "s1")
    yield* store.append(commit(stream, 0, { readModels: [row(a, "good", {}, { v: 1 })] }))
    const before = yield* store.readAll({ after: 0, limit: 1000 })

    const exit = yield* Effect.exit(
      store.append(
        commit(stream, 1, {
          events: [event("Doomed", 1), event("Doomed", 2)],
          readModels: [row(a, "good", {}, { v: 2 }), row(a, "new", {}, {}), failing(a)],
          notifications: [notification(a, "doomed")]
        })
      )
    )
    expect(Exit.isFailure(exit)).toBe(true)
    expect((yield* store.readStream(stream)).map((e) => e.type)).toEqual(["Counted"])
    expect(yield* store.readAll({ after: 0, limit: 1000 })).toEqual(before)
    expect((yield* readModels.get("contract-rows", a, "good"))?.doc).toEqual({ v: 1 })
    expect(yield* readModels.get("contract-rows", a, "new")).toBeUndefined()
    expect(yield* outbox.get("email", "doomed")).toBeUndefined()

    const next = yield* store.append(commit(stream, 1, { readModels: [row(a, "good", {}, { v: 3 })] }))
    expect(next.version).toBe(2)
    expect((yield* readModels.get("contract-rows", a, "good"))?.doc).toEqual({ v: 3 })
  })

export const atomicitySuite = (
  makeLayer: MakeStoreLayer,
  failingRows: ReadonlyArray<{ readonly name: string; readonly row: (authorityId: AuthorityId) => ReadModelRow }>
) => {
  for (const failing of [{ name: "a read-model row that throws when read", row: throwingRow }, ...failingRows]) {
    it(`commits nothing when the commit fails after its events: ${failing.name}`, () =>
      runWith(makeLayer(), failedCommitLeavesNoTrace(failing.row)))
  }
}
