import { type AuthorityId, EventStore, notificationChannels, Outbox, type ReadModelRow, ReadModels, type StreamRef, streamIdOf } from "@carepanel/core"
import { Effect } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, event, notification, throwingRow, unique } from "../support/fixtures.js"
import { openStore } from "../support/runStore.js"
import { type Counter, counterRow, emptyCounter, matchesFilter, project } from "./counterProjection.js"

/** One generated command: add amounts to a stream's counter, sometimes with a wrong version or a failing row. */
const stepArbitrary = fc.record({
  authority: fc.constantFrom(0, 1),
  stream: fc.constantFrom("c1", "c2", "c3"),
  amounts: fc.array(fc.integer({ min: -3, max: 9 }), { maxLength: 3 }),
  tags: fc.subarray(["red", "green", "blue", "7"]),
  notify: fc.boolean(),
  fault: fc.constantFrom("none", "none", "none", "none", "stale", "early", "failingRow")
})
type Step = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never

const filters: ReadonlyArray<readonly [string, string | number | boolean]> = [
  ["parity", "odd"],
  ["parity", "even"],
  ["tags", "red"],
  ["tags", 7],
  ["kind", "counter"]
]

/**
 * Generated sequences of commits against one store, each run under fresh authorities. After each run:
 * every counter row equals the replay of its stream's events, each query returns exactly the replayed
 * rows that match, the authority's log holds exactly the committed events, and outbox rows exist exactly
 * for the commits that committed.
 */
export const modelBasedSuite = (makeLayer: MakeStoreLayer, runs: number) => {
  it(`keeps read models equal to a replay of the events (${runs} generated runs)`, async () => {
    const runtime = openStore(makeLayer())
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 20 }), (steps) =>
          runtime.runPromise(checkRun(steps))
        ),
        { numRuns: runs }
      )
    } finally {
      await runtime.dispose()
    }
  })
}

const checkRun = (steps: ReadonlyArray<Step>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const run = unique("model")
    const authorities = [authority(`${run}-a`), authority(`${run}-b`)] as const
    const counters = new Map<string, { stream: StreamRef; counter: Counter }>()
    const committedEvents = new Map<string, number>()
    const notified: Array<readonly [string, boolean]> = []
    for (const [i, step] of steps.entries()) {
      const stream: StreamRef = { authorityId: authorities[step.authority], streamType: "contract-model", id: step.stream }
      const known = counters.get(streamIdOf(stream))?.counter ?? emptyCounter
      const events = step.amounts.map((by) => event("Added", { by, tags: step.tags }))
      const next = project(events.map((e, j) => ({ ...e, version: known.version + j + 1 })), known)
      const offset = step.fault === "stale" ? -1 : step.fault === "early" ? 1 : 0
      const rows = [counterRow(stream, next), ...(step.fault === "failingRow" ? [throwingRow(stream.authorityId)] : [])]
      const notifications = step.notify ? [notification(stream.authorityId, `${run}-n${i}`)] : []
      const exit = yield* Effect.exit(
        store.append(commit(stream, known.version + offset, { events, readModels: rows, notifications }))
      )
      const commits = step.fault === "none"
      expect(exit._tag, `step ${i} (${step.fault})`).toBe(commits ? "Success" : "Failure")
      if (commits) {
        counters.set(streamIdOf(stream), { stream, counter: next })
        committedEvents.set(stream.authorityId, (committedEvents.get(stream.authorityId) ?? 0) + events.length)
      }
      if (step.notify) notified.push([`${run}-n${i}`, commits])
    }
    const replayed = yield* replayRows([...counters.values()].map((c) => c.stream))
    for (const authorityId of authorities) {
      yield* checkQueries(authorityId, replayed.filter((row) => row.authorityId === authorityId))
      const log = yield* store.readAll({ after: 0, limit: 10_000, authorityId })
      expect(log).toHaveLength(committedEvents.get(authorityId) ?? 0)
    }
    const outbox = yield* Outbox
    for (const [id, committed] of notified) {
      for (const channel of notificationChannels) expect((yield* outbox.get(channel, id)) !== undefined, `${channel} ${id}`).toBe(committed)
    }
  })

/** Replays each stream from the store's events and checks its stored row; returns the replayed rows. */
const replayRows = (streams: ReadonlyArray<StreamRef>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const readModels = yield* ReadModels
    const rows: Array<ReadModelRow> = []
    for (const stream of streams) {
      const expected = counterRow(stream, project(yield* store.readStream(stream)))
      expect(yield* readModels.get(expected.collection, stream.authorityId, expected.id)).toEqual(expected)
      rows.push(expected)
    }
    return rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
  })

const checkQueries = (authorityId: AuthorityId, replayed: ReadonlyArray<ReadModelRow>) =>
  Effect.gen(function* () {
    const readModels = yield* ReadModels
    for (const [field, value] of filters) {
      const found = yield* readModels.query({ collection: "contract-model", authorityId, where: { [field]: value } })
      expect(found.map((row) => row.id), `${field} = ${value}`).toEqual(
        replayed.filter((row) => matchesFilter(row, field, value)).map((row) => row.id)
      )
    }
  })
